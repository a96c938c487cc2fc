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
        assertEquals(List.of("connected " + user, "joined " + user + " " + room, "message " + user + " " + room + " observed",
                "left " + user + " " + room, "disconnected " + user), eventsOf(user, 5));
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
    void aFailingObserverDoesNotBreakTheConnection() {
        try (TestClient client = TestClient.connect(Server.ws("ws?name=explode" + UUID.randomUUID().toString().substring(0, 4)))) {
            client.send("{\"type\":\"ping\",\"ref\":\"still\"}");
            assertEquals("still", client.expect("pong").getString("ref"));
        }
    }
}
