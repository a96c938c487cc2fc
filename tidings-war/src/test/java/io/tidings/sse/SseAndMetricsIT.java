package io.tidings.sse;

import io.tidings.support.Deployments;
import io.tidings.support.Http;
import io.tidings.support.Http.Reply;
import io.tidings.support.Server;
import io.tidings.support.SseClient;
import io.tidings.support.TestClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.tidings.support.Frames.joinRoom;
import static io.tidings.support.Frames.say;
import static io.tidings.support.Frames.uniqueRoom;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SseAndMetricsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    private static void post(String room, String text) {
        Reply reply = Http.post("rooms/" + room + "/messages?name=ada", "{\"data\":{\"text\":\"" + text + "\"}}");
        assertEquals(201, reply.status(), reply.body());
    }

    /** A field of the event's frame's {@code data}. */
    private static String field(SseClient.Event event, String name) {
        return Json.createReader(new StringReader(event.data())).readObject().getJsonObject("data").getString(name);
    }

    private static String text(SseClient.Event event) {
        return field(event, "text");
    }

    @Test
    void anSseClientReceivesRoomMessagesAndResumesWithLastEventIdWithoutGapsOrDuplicates() {
        String room = uniqueRoom("sse");
        List<String> seen = new ArrayList<>();
        String lastId;
        try (SseClient first = SseClient.open("rooms/" + room + "/events?name=sam", null)) {
            assertEquals(200, first.status());
            first.expect("joined");
            for (int i = 1; i <= 3; i++) {
                post(room, "m" + i);
            }
            SseClient.Event last = null;
            for (int i = 1; i <= 3; i++) {
                last = first.expect("message");
                assertEquals(String.valueOf(i), last.id());
                seen.add(text(last));
            }
            lastId = last.id();
        }
        post(room, "m4");
        post(room, "m5");
        try (SseClient resumed = SseClient.open("rooms/" + room + "/events?name=sam", lastId)) {
            JsonObject joined = Json.createReader(new StringReader(resumed.expect("joined").data())).readObject();
            assertTrue(joined.getJsonObject("data").getBoolean("recovered"), joined.toString());
            post(room, "m6");
            for (int i = 4; i <= 6; i++) {
                SseClient.Event message = resumed.expect("message");
                assertEquals(String.valueOf(i), message.id());
                seen.add(text(message));
            }
            assertFalse(resumed.drain(Duration.ofMillis(1500)).stream().anyMatch(e -> "message".equals(e.name())));
        }
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6"), seen);
    }

    @Test
    void anSseRoomStreamGetsHeartbeatsWhileTheRoomIsQuiet() {
        try (SseClient stream = SseClient.open("rooms/" + uniqueRoom("quiet") + "/events?name=sam", null)) {
            stream.expect("joined");
            await().atMost(Duration.ofSeconds(15)).until(() -> stream.drain(Duration.ofMillis(500)).stream()
                    .anyMatch(e -> "heartbeat".equals(e.comment())));
        }
    }

    @Test
    void aUserStreamCarriesTheUnreadCountAndNewNotifications() {
        try (SseClient stream = SseClient.open("users/nina/events?name=nina", null)) {
            assertEquals(200, stream.status());
            assertNotNull(stream.expect("notification.unread").data());
            assertEquals(201, Http.adminPost("users/nina/notifications", "{\"type\":\"hello\",\"title\":\"Hi Nina\"}").status());
            assertTrue(stream.expect("notification").data().contains("Hi Nina"));
        }
    }

    private static void notify(String user, String title) {
        Reply reply = Http.adminPost("users/" + user + "/notifications", "{\"type\":\"hello\",\"title\":\"" + title + "\"}");
        assertEquals(201, reply.status(), reply.body());
    }

    private static String title(SseClient.Event event) {
        return field(event, "title");
    }

    @Test
    void aUserStreamResumesWithLastEventIdWithoutGapsOrDuplicates() {
        String user = "rita-" + uniqueRoom("u").substring(2);
        String lastId;
        List<Long> ids = new ArrayList<>();
        try (SseClient first = SseClient.open("users/" + user + "/events?name=" + user, null)) {
            first.expect("notification.unread");
            notify(user, "n1");
            notify(user, "n2");
            assertEquals("n1", title(first.expect("notification")));
            SseClient.Event second = first.expect("notification");
            assertEquals("n2", title(second));
            lastId = second.id();
            assertNotNull(lastId, "notification events carry their inbox position as id");
        }
        notify(user, "n3");
        notify(user, "n4");
        List<String> titles = new ArrayList<>();
        try (SseClient resumed = SseClient.open("users/" + user + "/events?name=" + user, lastId)) {
            assertEquals(200, resumed.status());
            resumed.expect("notification.unread");
            // Sent while the stream replays what it missed: it must come once, after the replay.
            notify(user, "n5");
            for (int i = 0; i < 3; i++) {
                SseClient.Event event = resumed.expect("notification");
                titles.add(title(event));
                ids.add(Long.parseLong(event.id()));
            }
            assertTrue(resumed.drain(Duration.ofMillis(500)).stream().noneMatch(e -> "notification".equals(e.name())),
                    "nothing twice");
        }
        assertEquals(List.of("n3", "n4", "n5"), titles);
        assertTrue(ids.get(0) > Long.parseLong(lastId) && ids.get(0) < ids.get(1) && ids.get(1) < ids.get(2), ids.toString());
    }

    @Test
    void streamsCheckTheSameCredentialsAsTheRestOfTheApi() {
        try (SseClient anonymous = SseClient.open("rooms/" + uniqueRoom("closed") + "/events", null);
             SseClient otherUser = SseClient.open("users/nina/events?name=eve", null);
             SseClient badId = SseClient.open("rooms/" + uniqueRoom("bad") + "/events?name=sam", "x");
             SseClient badPosition = SseClient.open("users/nina/events?name=nina", "-1")) {
            assertEquals(401, anonymous.status());
            assertEquals(403, otherUser.status());
            assertEquals(400, badId.status());
            assertEquals(400, badPosition.status());
        }
    }

    @Test
    void metricsMoveWhenConnectionsOpenAndCloseAndMessagesFlow() {
        JsonObject before = metrics();
        String room = uniqueRoom("metered");
        try (TestClient ada = TestClient.connect(Server.ws("ws?name=ada"))) {
            joinRoom(ada, room);
            say(ada, room, "counted");
            JsonObject during = metrics();
            assertTrue(count(during, "tidings.connections.opened") > count(before, "tidings.connections.opened"));
            assertTrue(count(during, "tidings.messages.in") >= count(before, "tidings.messages.in") + 2);
            assertTrue(count(during, "tidings.messages.out") > count(before, "tidings.messages.out"));
            assertTrue(count(during, "tidings.bytes.out") > count(before, "tidings.bytes.out"));
            assertTrue(count(during, "tidings.bytes.in") >= count(before, "tidings.bytes.in") + "counted".length());
            // The rates are sampled once a second: they show the messages within a few seconds.
            await().atMost(Duration.ofSeconds(10)).until(() -> metrics().getJsonNumber("tidings.messages.in.rate").doubleValue() > 0
                    && metrics().getJsonNumber("tidings.messages.out.rate").doubleValue() > 0);
            assertTrue(count(during, "tidings.connections.active") >= 1);
        }
        long durationsBefore = before.getJsonObject("tidings.connection.duration").getJsonNumber("count").longValue();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                metrics().getJsonObject("tidings.connection.duration").getJsonNumber("count").longValue() > durationsBefore);
        Reply prometheus = Http.get("metrics");
        assertEquals(200, prometheus.status());
        assertTrue(prometheus.contentType().startsWith("text/plain"), prometheus.contentType());
        assertTrue(prometheus.body().contains("tidings_connections_opened_total"), prometheus.body());
        assertTrue(prometheus.body().contains("tidings_connection_duration_seconds_bucket"), prometheus.body());
    }

    @Test
    void authenticationFailuresAreCounted() {
        long before = count(metrics(), "tidings.auth.failures");
        assertEquals(401, Http.get("connections").status());
        assertTrue(count(metrics(), "tidings.auth.failures") > before);
    }

    private static JsonObject metrics() {
        Reply reply = Http.send(Http.request("metrics").header("Accept", "application/json"));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static long count(JsonObject metrics, String name) {
        return metrics.getJsonNumber(name).longValue();
    }
}
