package io.tidings.rooms;

import io.tidings.support.Deployments;
import io.tidings.support.Frames;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tidings.support.Frames.joinRoom;
import static io.tidings.support.Frames.say;
import static io.tidings.support.Frames.uniqueRoom;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rooms leave memory: an empty room is evicted after {@code tidings.rooms.idle-seconds} and comes
 * back from the store with the same numbering, the server holds at most
 * {@code tidings.rooms.max-in-memory}, and a connection brings at most
 * {@code tidings.limits.new-rooms-per-minute} rooms into memory. Runs in the container to read the
 * registry and the heap.
 */
@ExtendWith(ArquillianExtension.class)
class RoomEvictionIT {

    static final int MAX_IN_MEMORY = 500;
    static final int ROOMS = 100_000;
    static final int BATCH = 200;

    @Deployment
    static WebArchive deployment() {
        String settings = String.join("\n",
                "tidings.rooms.idle-seconds=1",
                "tidings.rooms.max-in-memory=" + MAX_IN_MEMORY,
                "tidings.limits.new-rooms-per-minute=1000000",
                "tidings.limits.rate-per-second=1000000",
                "tidings.limits.rate-burst=1000000");
        return Deployments.warWithTestSupport(RoomEvictionIT.class).addClasses(Frames.class)
                .addAsResource(new StringAsset(settings), "tidings.properties");
    }

    @Inject
    RoomRegistry rooms;

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void anEmptyRoomLeavesMemoryAndComesBackWithItsNumbering() {
        String room = uniqueRoom("evicted");
        try (TestClient ann = TestClient.connect(Server.ws("ws?name=ann"))) {
            joinRoom(ann, room);
            assertEquals(1, say(ann, room, "one").getJsonNumber("seq").longValue());
            assertEquals(2, say(ann, room, "two").getJsonNumber("seq").longValue());
            ann.send("{\"type\":\"leave\",\"room\":\"" + room + "\",\"ref\":\"l\"}");
            ann.expect("ack");
            await().atMost(Duration.ofSeconds(10)).until(() -> !rooms.holds(room));
            assertEquals(2, joinRoom(ann, room).getJsonNumber("seq").longValue());
            assertEquals(3, say(ann, room, "three").getJsonNumber("seq").longValue());
        }
    }

    @Test
    void aHundredThousandJoinedAndLeftRoomsLeaveTheHeapWhereItWas() {
        AtomicInteger most = new AtomicInteger();
        try (TestClient client = TestClient.connect(Server.ws("ws?name=roomer"))) {
            runRooms(client, "warm", 2 * MAX_IN_MEMORY, most);
            await().atMost(Duration.ofSeconds(10)).until(() -> rooms.count() == 0);
            long baseline = heapAfterGc();
            runRooms(client, "many", ROOMS, most);
            await().atMost(Duration.ofSeconds(10)).until(() -> rooms.count() == 0);
            long after = heapAfterGc();
            System.out.printf("RoomEvictionIT: heap %d KB before, %d KB after %d rooms; at most %d rooms held%n",
                    baseline / 1024, after / 1024, ROOMS, most.get());
            assertTrue(most.get() <= MAX_IN_MEMORY, most.get() + " rooms were held at once");
            assertTrue(after - baseline < 16L * 1024 * 1024, "the heap grew from " + baseline / 1024 + " KB to " + after / 1024 + " KB");
            // The connection was never refused: the cap evicted empty rooms instead.
            client.send("{\"type\":\"ping\",\"ref\":\"alive\"}");
            assertEquals("alive", client.expect("pong").getString("ref"));
        }
    }

    @Test
    void aConnectionBringsAtMostItsAllowanceOfRoomsIntoMemoryAndAFullServerRefusesNewRooms() {
        String held = uniqueRoom("held");
        try (TestClient owner = TestClient.connect(Server.ws("ws?name=owner"))) {
            joinRoom(owner, held);
            System.setProperty("tidings.limits.new-rooms-per-minute", "3");
            try (TestClient guest = TestClient.connect(Server.ws("ws?name=newcomer"))) {
                for (int i = 0; i < 3; i++) {
                    joinRoom(guest, uniqueRoom("allowed"));
                }
                guest.send(Frames.join(uniqueRoom("fourth"), "j4"));
                assertEquals("too_many_new_rooms", guest.expect("error").getJsonObject("data").getString("code"));
                joinRoom(guest, held); // a room in memory costs nothing
            } finally {
                System.clearProperty("tidings.limits.new-rooms-per-minute");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> rooms.count() == 1); // only the held room is left
            System.setProperty("tidings.rooms.max-in-memory", "1");
            try (TestClient late = TestClient.connect(Server.ws("ws?name=late"))) {
                late.send(Frames.join(uniqueRoom("no-space"), "full"));
                assertEquals("rooms_full", late.expect("error").getJsonObject("data").getString("code"));
                joinRoom(late, held);
            } finally {
                System.clearProperty("tidings.rooms.max-in-memory");
            }
        }
    }

    /** Joins and leaves {@code count} new rooms, {@link #BATCH} at a time, each batch acknowledged before the next. */
    private void runRooms(TestClient client, String prefix, int count, AtomicInteger most) {
        for (int start = 0; start < count; start += BATCH) {
            for (int i = start; i < Math.min(count, start + BATCH); i++) {
                String room = prefix + "-" + i;
                client.send("{\"type\":\"join\",\"room\":\"" + room + "\"}");
                client.send("{\"type\":\"leave\",\"room\":\"" + room + "\",\"ref\":\"" + (i == Math.min(count, start + BATCH) - 1 ? "last" : "l") + "\"}");
            }
            while (true) {
                var frame = client.next();
                if ("error".equals(frame.getString("type"))) {
                    throw new AssertionError("refused: " + frame);
                }
                if ("last".equals(frame.getString("ref", null))) {
                    break;
                }
            }
            most.accumulateAndGet(rooms.count(), Math::max);
        }
    }
}
