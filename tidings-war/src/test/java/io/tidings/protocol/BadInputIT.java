package io.tidings.protocol;

import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionRegistry;
import io.tidings.support.Deployments;
import io.tidings.support.Http;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.tidings.support.Frames.joinRoom;
import static io.tidings.support.Frames.say;
import static io.tidings.support.Frames.uniqueRoom;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input no container could send on (lone surrogates), nesting deeper than the parser takes, and a
 * send the container fails: each is that one frame's or that one connection's failure, and every
 * other room goes on. Runs in the container so it can hand a connection a frame directly and stop
 * the history writer's thread.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputIT {

    static final int DEPTH = 16;

    @Deployment
    static WebArchive deployment() {
        String settings = String.join("\n",
                "tidings.limits.json-depth=" + DEPTH,
                "tidings.limits.rate-per-second=5",
                "tidings.limits.rate-burst=10",
                "tidings.limits.rate-strikes=20");
        return Deployments.warWithTestSupport(BadInputIT.class)
                .addClasses(io.tidings.support.Frames.class, Http.class, Http.Reply.class)
                .addAsResource(new StringAsset(settings), "tidings.properties");
    }

    @Inject
    ConnectionRegistry registry;

    private static String message(String room, String ref, String jsonText) {
        return "{\"type\":\"message\",\"room\":\"" + room + "\",\"ref\":\"" + ref + "\",\"data\":{\"text\":" + jsonText + "}}";
    }

    private static JsonObject error(TestClient client) {
        return client.expect("error").getJsonObject("data");
    }

    private static String nested(int levels) {
        return "[".repeat(levels) + "]".repeat(levels);
    }

    @Test
    void aLoneSurrogateIsRefusedOnEveryTransportAndAWholePairIsStored() {
        String room = uniqueRoom("surrogates");
        try (TestClient ann = TestClient.connect(Server.ws("ws?name=ann"));
             TestClient ben = TestClient.connect(Server.ws("ws?name=ben"))) {
            joinRoom(ann, room);
            joinRoom(ben, room);
            for (String lone : Set.of("\"\\ud800\"", "\"\\udc00\"", "\"a\\ud83dz\"", "\"\\ud83d\\u0041\"", "\"\\ude00\\ud83d\"")) {
                ann.send(message(room, "lone", lone));
                JsonObject refused = error(ann);
                assertEquals("invalid_json", refused.getString("code"), lone);
                assertTrue(refused.getString("message").contains("surrogate"), refused.getString("message"));
            }
            // A pair escaped, and raw (a raw lone half cannot even be sent: the client's UTF-8 encoder replaces it).
            for (String pair : List.of("\"\\ud83d\\ude00\"", "\"\uD83D\uDE00\"")) {
                ann.send(message(room, "pair", pair));
                assertEquals("ack", ann.expect(f -> "pair".equals(f.getString("ref", null)), "the reply to a whole pair").getString("type"));
                assertEquals("\uD83D\uDE00", ben.expect("message").getJsonObject("data").getString("text"));
            }
            ben.expectNone(f -> "message".equals(f.getString("type")), Duration.ofMillis(300));

            Http.Reply http = Http.post("rooms/" + room + "/messages?name=ann", "{\"data\":{\"text\":\"\\udbff\"}}");
            assertEquals(400, http.status(), http.body());
            assertEquals("invalid_json", http.code());
            assertTrue(http.json().getString("message").contains("surrogate"), http.body());
        }
    }

    @Test
    void nestingDeeperThanTheLimitGetsTooDeepOnEveryTransportAndTheConnectionGoesOn() {
        try (TestClient client = TestClient.connect(Server.ws("ws?name=deep"))) {
            // The frame itself is one level: data may nest DEPTH - 1.
            client.send("{\"type\":\"ping\",\"ref\":\"fits\",\"data\":" + nested(DEPTH - 1) + "}");
            assertEquals("fits", client.expect("pong").getString("ref"));
            for (int levels : new int[] {DEPTH, 1_000, 30_000}) { // 30,000 levels: 60 KB, under the frame limit
                client.send("{\"type\":\"ping\",\"ref\":\"deep\",\"data\":" + nested(levels) + "}");
                JsonObject refused = error(client);
                assertEquals("too_deep", refused.getString("code"), "nesting " + levels);
                assertTrue(refused.getString("message").contains("tidings.limits.json-depth"), refused.getString("message"));
            }
            client.send("{\"type\":\"ping\",\"ref\":\"after\"}");
            assertEquals("after", client.expect("pong").getString("ref"));
        }
        Http.Reply http = Http.adminPost("broadcast", "{\"type\":\"x\",\"data\":" + nested(1_000) + "}");
        assertEquals(400, http.status(), http.body());
        assertEquals("too_deep", http.code());
    }

    /**
     * A frame the container cannot send (Tyrus throws {@code java.lang.Error} for a lone surrogate;
     * Undertow sends a replacement character) fails that connection only, closed with 1011, and
     * never the thread that sent it: other rooms keep being stored and delivered, readiness stays
     * up, and a flood is still closed with 4029.
     */
    @Test
    void aSendTheContainerFailsClosesThatConnectionOnlyAndEveryRoomGoesOn() {
        String other = uniqueRoom("other");
        try (TestClient victim = TestClient.connect(Server.ws("ws?name=victim"));
             TestClient cara = TestClient.connect(Server.ws("ws?name=cara"));
             TestClient dan = TestClient.connect(Server.ws("ws?name=dan"))) {
            joinRoom(cara, other);
            joinRoom(dan, other);
            Connection target = registry.all().stream().filter(c -> c.user().equals("victim")).findFirst().orElseThrow();
            for (int i = 0; i < 3 && victim.isOpen(); i++) {
                // Must return normally on this thread, whatever the container does with it.
                target.sendText("{\"type\":\"notification\",\"data\":{\"title\":\"\uD800\"}}", false);
            }
            try {
                victim.expect("notification"); // Undertow: sent with a replacement character
            } catch (AssertionError notSent) {
                assertEquals(CloseCodes.SEND_FAILED, victim.awaitClose().getCloseCode().getCode(), notSent.getMessage());
            }
            for (int i = 0; i < 8; i++) { // the join and these stay within the burst of 10
                assertEquals("ack", say(cara, other, "still here " + i).getString("type"));
                assertEquals("still here " + i, dan.expect("message").getJsonObject("data").getString("text"));
            }
            assertReady();
        }
        try (TestClient flooder = TestClient.connect(Server.ws("ws?name=flooder"))) {
            for (int i = 0; i < 60 && flooder.trySend("{\"type\":\"ping\"}"); i++) {
                // the server closes the flooder somewhere in this loop
            }
            assertEquals(CloseCodes.RATE_LIMITED, flooder.awaitClose().getCloseCode().getCode());
        }
    }

    /** The history writer's thread ending makes readiness DOWN until the next message starts another. */
    @Test
    void readinessIsDownWhileTheHistoryWriterIsNotRunningAndTheNextMessageRestartsIt() {
        String room = uniqueRoom("writer");
        try (TestClient eve = TestClient.connect(Server.ws("ws?name=eve"))) {
            joinRoom(eve, room);
            assertEquals("ack", say(eve, room, "before").getString("type"));
            Thread writer = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("tidings-history-writer")).findFirst().orElseThrow();
            writer.interrupt();
            await().atMost(Duration.ofSeconds(10)).until(() -> !writer.isAlive());
            Http.Reply down = Http.get("health/ready");
            assertEquals(503, down.status(), down.body());
            assertEquals("DOWN", down.json().getString("status"));
            assertTrue(down.json().getJsonObject("checks").getString("history-writer").startsWith("DOWN"), down.body());
            assertEquals("ack", say(eve, room, "after").getString("type"));
            assertReady();
        }
    }

    private static void assertReady() {
        Http.Reply ready = Http.get("health/ready");
        assertEquals(200, ready.status(), ready.body());
        JsonObject checks = ready.json().getJsonObject("checks");
        for (String worker : Set.of("datasource", "history-writer", "heartbeat", "stalled-sends", "sse-heartbeats",
                "metrics-sampling", "notification-retention", "room-eviction")) {
            assertEquals("UP", checks.getString(worker), ready.body());
        }
    }
}
