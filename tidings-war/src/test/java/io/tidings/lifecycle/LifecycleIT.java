package io.tidings.lifecycle;

import io.tidings.support.Deployments;
import io.tidings.support.Frames;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs inside the container with an application observer of every lifecycle event. */
@ExtendWith(ArquillianExtension.class)
class LifecycleIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithTestSupport(LifecycleIT.class, RecordingObserver.class, Frames.class);
    }

    @Inject
    RecordingObserver observer;

    private List<String> eventsOf(String user, int count) throws InterruptedException {
        List<String> events = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.size() < count && System.nanoTime() < deadline) {
            String event = observer.next(deadline - System.nanoTime());
            if (event != null && event.contains(" " + user)) {
                events.add(event);
            }
        }
        return events;
    }

    @Test
    void observersSeeConnectJoinMessageLeaveAndDisconnectInOrder() throws InterruptedException {
        String user = "obs" + UUID.randomUUID().toString().substring(0, 6);
        String room = Frames.uniqueRoom("watched");
        try (TestClient client = TestClient.connect(Server.ws("ws?name=" + user))) {
            Frames.joinRoom(client, room);
            Frames.say(client, room, "observed");
            client.send("{\"type\":\"leave\",\"room\":\"" + room + "\",\"ref\":\"l\"}");
            client.expect(f -> "l".equals(f.getString("ref", null)), "leave ack");
        }
        List<String> events = eventsOf(user, 5);
        // MessageReceived comes on its own thread after the ack: after the join, in any order with the rest.
        String message = "message " + user + " " + room + " observed";
        assertTrue(events.indexOf(message) > events.indexOf("joined " + user + " " + room), events.toString());
        List<String> connectionAndRoom = new ArrayList<>(events);
        connectionAndRoom.remove(message);
        assertEquals(List.of("connected " + user, "joined " + user + " " + room, "left " + user + " " + room,
                "disconnected " + user), connectionAndRoom);
    }

    @Test
    void aDisconnectLeavesEveryRoomAndObserversSeeIt() throws InterruptedException {
        String user = "obs" + UUID.randomUUID().toString().substring(0, 6);
        String room = Frames.uniqueRoom("dropped");
        try (TestClient client = TestClient.connect(Server.ws("ws/rooms/" + room + "?name=" + user))) {
            client.expect("joined");
        }
        assertEquals(List.of("connected " + user, "joined " + user + " " + room, "left " + user + " " + room,
                "disconnected " + user), eventsOf(user, 4));
    }

    @Test
    void aStuckMessageObserverHoldsUpNoAckAndNoDelivery() throws InterruptedException {
        String user = "obs" + UUID.randomUUID().toString().substring(0, 6);
        String held = Frames.uniqueRoom("held");
        String other = Frames.uniqueRoom("other");
        observer.holdOnNextHold();
        try (TestClient sender = TestClient.connect(Server.ws("ws?name=" + user));
             TestClient reader = TestClient.connect(Server.ws("ws?name=r" + user))) {
            Frames.joinRoom(sender, held);
            Frames.joinRoom(sender, other);
            Frames.joinRoom(reader, other);
            assertEquals("ack", Frames.say(sender, held, "hold").getString("type"));
            // The observer is stuck in the first event; another room is acknowledged and delivered.
            for (int i = 0; i < 5; i++) {
                assertEquals("ack", Frames.say(sender, other, "after " + i).getString("type"));
                assertEquals("after " + i, Frames.textOf(reader.expect("message")));
            }
        } finally {
            observer.release();
        }
        List<String> events = eventsOf(user, 12); // connected, 2 joined, 6 messages, 2 left, disconnected
        assertTrue(events.contains("message " + user + " " + held + " hold"), events.toString());
        assertTrue(events.indexOf("message " + user + " " + held + " hold")
                < events.indexOf("message " + user + " " + other + " after 0"), "in the order stored: " + events);
    }

    @Test
    void aFailingObserverDoesNotBreakTheConnection() {
        try (TestClient client = TestClient.connect(Server.ws("ws?name=explode" + UUID.randomUUID().toString().substring(0, 4)))) {
            client.send("{\"type\":\"ping\",\"ref\":\"still\"}");
            assertEquals("still", client.expect("pong").getString("ref"));
        }
    }
}
