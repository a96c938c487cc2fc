package io.tidings.rooms;

import io.tidings.support.Deployments;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static io.tidings.support.Frames.joinRoom;
import static io.tidings.support.Frames.say;
import static io.tidings.support.Frames.textOf;
import static io.tidings.support.Frames.uniqueRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HistoryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    private static TestClient user(String name) {
        return TestClient.connect(Server.ws("ws?name=" + name));
    }

    private static String history(String room, String ref, String data) {
        return "{\"type\":\"history\",\"room\":\"" + room + "\",\"ref\":\"" + ref + "\",\"data\":" + data + "}";
    }

    private static JsonObject reply(TestClient client, String ref) {
        return client.expect(f -> ref.equals(f.getString("ref", null)), "the reply to " + ref);
    }

    private static List<String> texts(JsonObject historyFrame) {
        return historyFrame.getJsonObject("data").getJsonArray("messages").getValuesAs(JsonObject.class)
                .stream().map(m -> textOf(m)).toList();
    }

    @Test
    void historyReturnsTheMessagesJustBeforeTheGivenSequenceOldestFirstAndSaysWhetherThereAreMore() {
        String room = uniqueRoom("older");
        try (TestClient ada = user("ada")) {
            joinRoom(ada, room);
            for (int i = 1; i <= 7; i++) {
                say(ada, room, "m" + i);
            }
            ada.send(history(room, "h1", "{\"before\":6,\"limit\":3}"));
            JsonObject page = reply(ada, "h1");
            assertEquals("history", page.getString("type"), page.toString());
            assertEquals(room, page.getString("room"));
            assertEquals(List.of("m3", "m4", "m5"), texts(page));
            assertTrue(page.getJsonObject("data").getBoolean("more"), "m1 and m2 are still before");

            ada.send(history(room, "h2", "{\"before\":3}"));
            JsonObject first = reply(ada, "h2");
            assertEquals(List.of("m1", "m2"), texts(first));
            assertFalse(first.getJsonObject("data").getBoolean("more"), "nothing is before m1");
        }
    }

    @Test
    void historyBeyondTheLatestMessageReturnsTheLatestOnly() {
        String room = uniqueRoom("ahead");
        try (TestClient ada = user("ada")) {
            joinRoom(ada, room);
            say(ada, room, "only");
            ada.send(history(room, "h", "{\"before\":1000,\"limit\":10}"));
            assertEquals(List.of("only"), texts(reply(ada, "h")));
        }
    }

    @Test
    void historyOfARoomNotJoinedOrWithBadBoundsIsRefusedWithAClearError() {
        String room = uniqueRoom("refused");
        try (TestClient ada = user("ada")) {
            ada.send(history(room, "n", "{\"before\":5}"));
            assertEquals("not_joined", reply(ada, "n").getJsonObject("data").getString("code"));
            joinRoom(ada, room);
            for (String bad : List.of("{}", "{\"before\":0}", "{\"before\":\"5\"}", "{\"before\":5,\"limit\":0}",
                    "{\"before\":5,\"limit\":201}", "{\"before\":1.5}")) {
                ada.send(history(room, "b", bad));
                JsonObject error = reply(ada, "b");
                assertEquals("error", error.getString("type"), bad);
                assertEquals("invalid_field", error.getJsonObject("data").getString("code"), bad);
                assertTrue(error.getJsonObject("data").getString("message").startsWith("data."), error.toString());
            }
            ada.send(Json.createObjectBuilder().add("type", "ping").add("ref", "still-open").build().toString());
            assertEquals("pong", reply(ada, "still-open").getString("type"));
        }
    }
}
