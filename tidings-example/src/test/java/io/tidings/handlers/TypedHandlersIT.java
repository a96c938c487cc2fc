package io.tidings.handlers;

import io.tidings.support.Deployments;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example application: a WAR of its own whose beans handle typed frames and observe
 * connections, with the {@code tidings} jar as its one Tidings dependency. Called over a real
 * socket; the page, the endpoints and the HTTP API all come from the jar.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TypedHandlersIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    private static TestClient user() {
        return TestClient.connect(Server.ws("ws?name=h" + UUID.randomUUID().toString().substring(0, 8)));
    }

    @Test
    void frameDataIsBoundToTheParameterAndTheReturnValueIsTheAckCorrelatedByRef() {
        try (TestClient client = user()) {
            client.send("{\"type\":\"example.order\",\"ref\":\"o-1\",\"data\":{\"item\":\"tea\",\"quantity\":2}}");
            JsonObject ack = client.expect(f -> "o-1".equals(f.getString("ref", null)), "the reply");
            assertEquals("ack", ack.getString("type"), ack.toString());
            JsonObject receipt = ack.getJsonObject("data");
            assertEquals("tea", receipt.getString("item"));
            assertEquals(2, receipt.getInt("quantity"));
            assertTrue(receipt.getJsonNumber("order").longValue() > 0);

            JsonObject notification = client.expect("notification");
            assertEquals("order.placed", notification.getJsonObject("data").getString("type"));
            assertEquals(receipt.getJsonNumber("order").longValue(),
                    notification.getJsonObject("data").getJsonObject("data").getJsonNumber("order").longValue());
        }
    }

    @Test
    void aHandlerExceptionBecomesAnErrorWithItsCode() {
        try (TestClient client = user()) {
            client.send("{\"type\":\"example.order\",\"ref\":\"o-2\",\"data\":{\"item\":\"tea\",\"quantity\":0}}");
            JsonObject error = client.expect(f -> "o-2".equals(f.getString("ref", null)), "the reply");
            assertEquals("error", error.getString("type"));
            assertEquals("invalid_order", error.getJsonObject("data").getString("code"));
            assertEquals("quantity must be at least 1", error.getJsonObject("data").getString("message"));
        }
    }

    @Test
    void dataThatDoesNotBindGetsAnInvalidFieldError() {
        try (TestClient client = user()) {
            client.send("{\"type\":\"example.order\",\"ref\":\"o-3\",\"data\":{\"item\":\"tea\",\"quantity\":\"many\"}}");
            JsonObject error = client.expect(f -> "o-3".equals(f.getString("ref", null)), "the reply");
            assertEquals("error", error.getString("type"));
            assertEquals("invalid_field", error.getJsonObject("data").getString("code"));
            client.send("{\"type\":\"ping\",\"ref\":\"alive\"}");
            assertEquals("alive", client.expect("pong").getString("ref"));
        }
    }

    @Test
    void aHandlerWithoutParametersAnswersWithItsResult() {
        try (TestClient client = user()) {
            client.send("{\"type\":\"example.online\",\"ref\":\"c\"}");
            JsonObject ack = client.expect(f -> "c".equals(f.getString("ref", null)), "the reply");
            assertTrue(ack.getJsonObject("data").getInt("users") >= 1, ack.toString());
        }
    }

    @Test
    void theJarServesTheChatPageAndTheHttpApiInTheApplicationsWar() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"", "tidings.js", "chat/app.js"}) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(Server.http(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), path);
        }
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(Server.http("")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(index.body().contains("chat/app.js"), index.body());
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(Server.http("api/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
    }
}
