package io.tidings.socket;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SocketEndpointIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @Test
    void connectingClientIsWelcomedWithItsConnectionIdServerTimeAndProtocolVersion() {
        try (TestClient client = TestClient.open(Server.ws("ws?name=ada"))) {
            JsonObject welcome = client.next();
            assertEquals("welcome", welcome.getString("type"));
            JsonObject data = welcome.getJsonObject("data");
            assertFalse(data.getString("connection").isBlank());
            assertEquals(1, data.getInt("protocol"));
            assertEquals("ada", data.getString("user"));
            Instant serverTime = Instant.parse(data.getString("serverTime"));
            assertTrue(Math.abs(ChronoUnit.SECONDS.between(serverTime, Instant.now())) < 60, "server time " + serverTime);
        }
    }

    @Test
    void twoConnectionsGetDifferentIds() {
        try (TestClient first = TestClient.open(Server.ws("ws")); TestClient second = TestClient.open(Server.ws("ws"))) {
            assertNotEquals(first.next().getJsonObject("data").getString("connection"),
                    second.next().getJsonObject("data").getString("connection"));
        }
    }

    @Test
    void pingIsAnsweredWithPongCarryingTheRef() {
        try (TestClient client = TestClient.connect(Server.ws("ws"))) {
            client.send("{\"type\":\"ping\",\"ref\":\"r-17\"}");
            JsonObject pong = client.expect("pong");
            assertEquals("pong", pong.getString("type"));
            assertEquals("r-17", pong.getString("ref"));
        }
    }

    @Test
    void pingWithoutRefIsAnsweredWithPong() {
        try (TestClient client = TestClient.connect(Server.ws("ws"))) {
            client.send("{\"type\":\"ping\"}");
            JsonObject pong = client.expect("pong");
            assertEquals("pong", pong.getString("type"));
            assertFalse(pong.containsKey("ref"));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "this is not json                         | invalid_json   | ",
            "{\"type\":\"ping\"                        | invalid_json   | ",
            "[1,2,3]                                  | not_an_object  | ",
            "\"ping\"                                 | not_an_object  | ",
            "{\"data\":{},\"ref\":\"a1\"}             | missing_type   | a1",
            "{\"type\":null,\"ref\":\"a2\"}           | missing_type   | a2",
            "{\"type\":\"no-such-thing\",\"ref\":\"a3\"} | unknown_type | a3",
            // The ready WAR is the runtime jar alone: the example's handlers live in tidings-example.
            "{\"type\":\"example.order\",\"ref\":\"a8\",\"data\":{}} | unknown_type | a8",
            "{\"type\":42,\"ref\":\"a4\"}             | invalid_field  | a4",
            "{\"type\":\"Ping!\",\"ref\":\"a5\"}      | invalid_field  | a5",
            "{\"type\":\"ping\",\"ref\":7}            | invalid_field  | ",
            "{\"type\":\"ping\",\"room\":[],\"ref\":\"a7\"} | invalid_field | a7",
    })
    void badInputGetsAnErrorWithItsCodeAndTheConnectionStillAnswers(String frame, String code, String ref) {
        try (TestClient client = TestClient.connect(Server.ws("ws"))) {
            client.send(frame.strip());
            JsonObject error = client.expect("error");
            assertEquals("error", error.getString("type"), error.toString());
            assertEquals(code, error.getJsonObject("data").getString("code"), error.toString());
            assertFalse(error.getJsonObject("data").getString("message").isBlank());
            assertEquals(ref, error.getString("ref", null));

            client.send("{\"type\":\"ping\",\"ref\":\"after\"}");
            assertEquals("after", client.expect("pong").getString("ref"));
            assertTrue(client.isOpen());
        }
    }

    @Test
    void binaryFrameWithoutARoomHeaderGetsAnErrorAndTheConnectionStillAnswers() {
        try (TestClient client = TestClient.connect(Server.ws("ws"))) {
            client.sendBinary(ByteBuffer.wrap(new byte[]{0, 2, 3}));
            JsonObject error = client.expect("error");
            assertEquals("invalid_field", error.getJsonObject("data").getString("code"));
            client.send("{\"type\":\"ping\"}");
            client.expect("pong");
        }
    }
}
