package io.tidings.notifications;

import io.tidings.api.Notification;
import io.tidings.support.Deployments;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs inside the container: fires real CDI events, in real transactions, to real sockets. */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT {

    private static final Duration QUIET = Duration.ofMillis(1500);

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithTestSupport(NotificationsIT.class);
    }

    @Inject
    Event<Notification> notifications;

    @Inject
    NotificationStore store;

    @Inject
    Retention retention;

    @Resource
    UserTransaction transaction;

    private static String newUser() {
        return "u" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static TestClient connect(String user) {
        return TestClient.connect(Server.ws("ws?name=" + user));
    }

    private static boolean isNotification(JsonObject frame) {
        return "notification".equals(frame.getString("type"));
    }

    @Test
    void notificationForAnOnlineUserReachesBothOfItsSockets() {
        String user = newUser();
        try (TestClient desktop = connect(user); TestClient phone = connect(user)) {
            notifications.fire(Notification.toUser(user, "order.shipped", "Shipped", "Arrives Tuesday")
                    .withData(Map.of("order", 42)));
            for (TestClient socket : List.of(desktop, phone)) {
                JsonObject data = socket.expect("notification").getJsonObject("data");
                assertEquals("order.shipped", data.getString("type"));
                assertEquals("Shipped", data.getString("title"));
                assertEquals("Arrives Tuesday", data.getString("body"));
                assertEquals(42, data.getJsonObject("data").getInt("order"));
                assertFalse(data.getBoolean("read"));
            }
        }
    }

    @Test
    void notificationsForAnOfflineUserAreDeliveredInOrderOnConnectAndNotAgainOnceConfirmed() {
        String user = newUser();
        for (int i = 1; i <= 3; i++) {
            notifications.fire(Notification.toUser(user, "news", "item " + i, null));
        }
        List<String> ids = new ArrayList<>();
        try (TestClient client = connect(user)) {
            for (int i = 1; i <= 3; i++) {
                JsonObject notification = client.expect("notification");
                assertEquals("item " + i, notification.getJsonObject("data").getString("title"));
                ids.add(notification.getString("id"));
            }
            assertEquals(3, client.expect("notification.unread").getJsonObject("data").getInt("count"));
            client.send(Json.createObjectBuilder().add("type", "notification.delivered").add("ref", "d")
                    .add("data", Json.createObjectBuilder().add("ids", Json.createArrayBuilder(ids))).build().toString());
            assertEquals("ack", client.expect(f -> "d".equals(f.getString("ref", null)), "ack").getString("type"));
        }
        try (TestClient again = connect(user)) {
            assertEquals(3, again.expect("notification.unread").getJsonObject("data").getInt("count"), "still unread");
            again.expectNone(NotificationsIT::isNotification, QUIET);
        }
    }

    @Test
    void notificationFiredInATransactionThatRollsBackIsNeitherDeliveredNorStored() throws Exception {
        String user = newUser();
        try (TestClient client = connect(user)) {
            client.expect("notification.unread");
            transaction.begin();
            notifications.fire(Notification.toUser(user, "doomed", "never", null));
            transaction.rollback();
            client.expectNone(NotificationsIT::isNotification, QUIET);
        }
        assertTrue(store.latest(user, false, 10).isEmpty());
        assertEquals(0, store.unread(user));
    }

    @Test
    void notificationFiredInATransactionIsDeliveredOnlyAfterTheCommit() throws Exception {
        String user = newUser();
        try (TestClient client = connect(user)) {
            client.expect("notification.unread");
            transaction.begin();
            try {
                notifications.fire(Notification.toUser(user, "committed", "after commit", null));
                client.expectNone(NotificationsIT::isNotification, QUIET);
            } finally {
                transaction.commit();
            }
            assertEquals("after commit", client.expect("notification").getJsonObject("data").getString("title"));
        }
    }

    @Test
    void fireAsyncStoresAndDelivers() throws Exception {
        String user = newUser();
        try (TestClient client = connect(user)) {
            notifications.fireAsync(Notification.toUser(user, "async", "from afar", null)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals("from afar", client.expect("notification").getJsonObject("data").getString("title"));
        }
        assertEquals(1, store.unread(user));
    }

    @Test
    void markingReadOnOneSocketTellsTheUsersOtherSockets() {
        String user = newUser();
        try (TestClient desktop = connect(user); TestClient phone = connect(user)) {
            notifications.fire(Notification.toUser(user, "chat", "ping", null));
            notifications.fire(Notification.toUser(user, "chat", "pong", null));
            String first = desktop.expect("notification").getString("id");
            desktop.expect("notification");
            phone.expect("notification");
            phone.expect("notification");

            desktop.send("{\"type\":\"notification.read\",\"ref\":\"r\",\"data\":{\"ids\":[\"" + first + "\"]}}");
            JsonObject ack = desktop.expect(f -> "r".equals(f.getString("ref", null)), "ack");
            assertEquals(1, ack.getJsonObject("data").getInt("unread"));
            JsonObject sync = phone.expect("notification.read").getJsonObject("data");
            assertEquals(first, sync.getJsonArray("ids").getString(0));
            assertEquals(1, sync.getInt("unread"));
            desktop.expectNone(f -> "notification.read".equals(f.getString("type")), Duration.ofMillis(500));

            phone.send("{\"type\":\"notification.read\",\"ref\":\"all\",\"data\":{\"all\":true}}");
            assertEquals(0, phone.expect(f -> "all".equals(f.getString("ref", null)), "ack").getJsonObject("data").getInt("unread"));
            assertTrue(desktop.expect("notification.read").getJsonObject("data").getBoolean("all"));

            desktop.send("{\"type\":\"notification.list\",\"ref\":\"l\",\"data\":{\"limit\":10}}");
            JsonObject list = desktop.expect(f -> "l".equals(f.getString("ref", null)), "list").getJsonObject("data");
            assertEquals(2, list.getJsonArray("notifications").size());
            assertTrue(list.getJsonArray("notifications").getJsonObject(0).getBoolean("read"));
            assertEquals("pong", list.getJsonArray("notifications").getJsonObject(0).getString("title"), "newest first");
        }
    }

    @Test
    void fiveHundredNotificationsWhileOfflineArriveInOrderWithoutDuplicates() {
        String user = newUser();
        for (int i = 0; i < 500; i++) {
            notifications.fire(Notification.toUser(user, "bulk", "n" + i, null));
        }
        List<String> ids = new ArrayList<>();
        try (TestClient client = connect(user)) {
            for (int i = 0; i < 500; i++) {
                JsonObject notification = client.expect("notification");
                assertEquals("n" + i, notification.getJsonObject("data").getString("title"));
                ids.add(notification.getString("id"));
            }
            assertEquals(500, new HashSet<>(ids).size(), "no duplicates");
            assertEquals(500, client.expect("notification.unread").getJsonObject("data").getInt("count"));
            client.expectNone(NotificationsIT::isNotification, Duration.ofMillis(500));
            client.send(Json.createObjectBuilder().add("type", "notification.delivered").add("ref", "all")
                    .add("data", Json.createObjectBuilder().add("ids", Json.createArrayBuilder(ids))).build().toString());
            client.expect(f -> "all".equals(f.getString("ref", null)), "ack");
        }
        try (TestClient again = connect(user)) {
            again.expect("notification.unread");
            again.expectNone(NotificationsIT::isNotification, QUIET);
        }
    }

    @Test
    void notificationsToARoomAndToEveryoneAreLive() {
        String room = "news-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestClient member = TestClient.connect(Server.ws("ws/rooms/" + room + "?name=" + newUser()));
             TestClient outsider = connect(newUser())) {
            member.expect("joined");
            notifications.fire(Notification.toRoom(room, "room.news", "for the room", null));
            JsonObject roomNotification = member.expect("notification");
            assertEquals(room, roomNotification.getString("room"));
            outsider.expectNone(NotificationsIT::isNotification, Duration.ofMillis(800));

            notifications.fire(Notification.toEveryone("maintenance", "for everyone", null));
            assertEquals("for everyone", member.expect("notification").getJsonObject("data").getString("title"));
            assertEquals("for everyone", outsider.expect("notification").getJsonObject("data").getString("title"));
        }
    }

    @Test
    void notificationsOlderThanTheRetentionAreDeleted() {
        String user = newUser();
        notifications.fire(new Notification(Notification.Audience.USER, user, "old", "from last year", null, null, null,
                Instant.now().minus(Duration.ofDays(400))));
        notifications.fire(Notification.toUser(user, "new", "from today", null));
        assertEquals(2, store.unread(user));
        assertTrue(retention.purge() >= 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> store.unread(user) == 1);
        assertEquals("from today", store.latest(user, false, 10).get(0).title());
    }
}
