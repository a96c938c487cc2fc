package io.tidings.rooms;

import io.tidings.support.Deployments;
import io.tidings.support.Frames;
import io.tidings.support.Server;
import io.tidings.support.SseClient;
import io.tidings.support.TestClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static io.tidings.support.Frames.uniqueRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replies to one request never close the connection that asked: a room of 120 messages of 60 KB
 * (14 MB as the outbound queue counts, over its 4 MB bound) is recovered with {@code since:0}
 * (within the default recovery limit) and paged with {@code history}, each reply within
 * {@code tidings.rooms.reply-bytes}; a plain join and an SSE resume get what fits.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BigRepliesIT {

    static final int MESSAGES = 120;
    static final String BIG = "x".repeat(60_000);
    /** The default budget, 1 MiB, counted as two bytes per character. */
    static final long BUDGET = 1_048_576;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war().addAsResource(new StringAsset(
                "tidings.limits.rate-per-second=1000\ntidings.limits.rate-burst=1000\n"), "tidings.properties");
    }

    private static String bigMessage(String room, int i) {
        return Json.createObjectBuilder().add("type", "message").add("room", room).add("ref", "b" + i).add("echo", false)
                .add("data", Json.createObjectBuilder().add("text", BIG).add("n", i)).build().toString();
    }

    private static long seq(JsonObject message) {
        return message.getJsonNumber("seq").longValue();
    }

    private static List<JsonObject> messages(JsonObject reply) {
        return reply.getJsonObject("data").getJsonArray("messages").getValuesAs(JsonObject.class);
    }

    private static void assertWithinBudget(List<JsonObject> messages) {
        assertFalse(messages.isEmpty());
        long bytes = messages.stream().mapToLong(m -> 2L * m.toString().length()).sum();
        assertTrue(bytes <= BUDGET + 4096, bytes + " bytes in one reply");
    }

    @Test
    void recoveryOfMoreThanTheOutboundBoundIsPagedAndNeverClosesTheClient() {
        String room = uniqueRoom("big");
        try (TestClient writer = TestClient.connect(Server.ws("ws?name=writer"))) {
            Frames.joinRoom(writer, room);
            for (int i = 1; i <= MESSAGES; i++) {
                writer.send(bigMessage(room, i));
                String ref = "b" + i;
                assertEquals("ack", writer.expect(f -> ref.equals(f.getString("ref", null)), "the ack of " + ref).getString("type"));
            }
        }
        try (TestClient reader = TestClient.connect(Server.ws("ws?name=reader"))) {
            reader.send(Frames.joinSince(room, 0, "j"));
            JsonObject joined = reader.expect("joined");
            assertEquals(MESSAGES, seq(joined));
            assertFalse(joined.getJsonObject("data").getBoolean("recovered"), "more than one reply holds");
            List<JsonObject> first = messages(joined);
            assertWithinBudget(first);
            assertEquals(MESSAGES, seq(first.get(first.size() - 1)), "the newest come first");

            List<Long> seen = new ArrayList<>();
            first.forEach(m -> seen.add(seq(m)));
            long before = seq(first.get(0));
            boolean more = true;
            for (int page = 0; more; page++) {
                assertTrue(page < MESSAGES, "paging does not end");
                reader.send("{\"type\":\"history\",\"room\":\"" + room + "\",\"ref\":\"h" + page + "\",\"data\":{\"before\":"
                        + before + ",\"limit\":200}}");
                JsonObject history = reader.expect("history");
                List<JsonObject> older = messages(history);
                assertWithinBudget(older);
                for (int i = older.size() - 1; i >= 0; i--) {
                    seen.add(0, seq(older.get(i)));
                }
                before = seq(older.get(0));
                more = history.getJsonObject("data").getBoolean("more");
            }
            List<Long> all = new ArrayList<>();
            for (long s = 1; s <= MESSAGES; s++) {
                all.add(s);
            }
            assertEquals(all, seen, "every message once, in order");

            reader.send(Frames.join(room, "plain"));
            assertWithinBudget(messages(reader.expect("joined")));
            reader.send("{\"type\":\"ping\",\"ref\":\"alive\"}");
            assertEquals("alive", reader.expect("pong").getString("ref"));
            assertTrue(reader.isOpen());
        }
        try (SseClient resumed = SseClient.open("rooms/" + room + "/events?name=reader", "0")) {
            assertEquals(200, resumed.status());
            JsonObject joined = Json.createReader(new StringReader(resumed.expect("joined").data())).readObject();
            assertFalse(joined.getJsonObject("data").getBoolean("recovered"), joined.toString());
            long bytes = 0;
            String id = null;
            while (!String.valueOf(MESSAGES).equals(id)) {
                SseClient.Event message = resumed.expect("message");
                bytes += 2L * message.data().length();
                id = message.id();
            }
            assertTrue(bytes <= BUDGET + 4096, bytes + " bytes resumed");
        }
    }
}
