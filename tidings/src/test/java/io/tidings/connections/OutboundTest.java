package io.tidings.connections;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboundTest {

    /** A remote whose sends complete only when the test says so, or at once when {@code inline}. */
    static final class Remote {
        final List<Object> sent = new CopyOnWriteArrayList<>();
        final List<SendHandler> pending = new ArrayList<>();
        boolean inline;

        RemoteEndpoint.Async proxy() {
            return (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{RemoteEndpoint.Async.class}, (self, method, args) -> {
                        if (method.getName().startsWith("send") && args.length == 2 && args[1] instanceof SendHandler h) {
                            sent.add(args[0]);
                            if (inline) {
                                h.onResult(new SendResult());
                            } else {
                                pending.add(h);
                            }
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        void completeOne() {
            pending.remove(0).onResult(new SendResult());
        }
    }

    private final List<Outbound.Failure> failures = new ArrayList<>();

    @Test
    void onlyOneSendIsInFlightAndTheRestGoOutInOrder() {
        Remote remote = new Remote();
        Outbound outbound = new Outbound(remote.proxy(), 10, 1_000_000, failures::add);
        for (int i = 0; i < 5; i++) {
            assertTrue(outbound.offer(Outbound.Frame.text("m" + i, false)));
        }
        assertEquals(List.of("m0"), remote.sent);
        assertEquals(4, outbound.queued());
        for (int i = 0; i < 5; i++) {
            remote.completeOne();
        }
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), remote.sent);
        assertEquals(0, outbound.queued());
    }

    @Test
    void aHeldPathQueuesUntilReleasedThenSendsInOrder() {
        Remote remote = new Remote();
        Outbound outbound = new Outbound(remote.proxy(), 10, 1_000_000, failures::add);
        outbound.hold();
        assertTrue(outbound.offer(Outbound.Frame.text("welcome", false)));
        assertTrue(outbound.offer(Outbound.Frame.text("unread", false)));
        assertEquals(List.of(), remote.sent);
        assertEquals(2, outbound.queued());
        outbound.release();
        remote.completeOne();
        assertTrue(outbound.offer(Outbound.Frame.text("later", false)));
        remote.completeOne();
        remote.completeOne();
        assertEquals(List.of("welcome", "unread", "later"), remote.sent);
        outbound.release();
        assertEquals(0, outbound.queued());
        assertEquals(List.of(), failures);
    }

    @Test
    void releasingAnEmptyHeldPathLetsTheNextFrameGoAtOnce() {
        Remote remote = new Remote();
        Outbound outbound = new Outbound(remote.proxy(), 10, 1_000_000, failures::add);
        outbound.hold();
        outbound.release();
        assertTrue(outbound.offer(Outbound.Frame.text("m", false)));
        assertEquals(List.of("m"), remote.sent);
    }

    @Test
    void sendsThatCompleteOnTheCallingThreadDoNotRecurse() {
        Remote remote = new Remote();
        remote.inline = true;
        Outbound outbound = new Outbound(remote.proxy(), 100_000, Long.MAX_VALUE, failures::add);
        for (int i = 0; i < 50_000; i++) {
            outbound.offer(Outbound.Frame.text("m" + i, false));
        }
        assertEquals(50_000, remote.sent.size());
        assertEquals("m49999", remote.sent.get(49_999));
    }

    @Test
    void ephemeralFramesAreDroppedBeforeTheQueueOverflows() {
        Remote remote = new Remote();
        Outbound outbound = new Outbound(remote.proxy(), 3, 1_000_000, failures::add);
        outbound.offer(Outbound.Frame.text("in flight", false));
        outbound.offer(Outbound.Frame.text("typing-1", true));
        outbound.offer(Outbound.Frame.text("keep-1", false));
        outbound.offer(Outbound.Frame.text("typing-2", true));
        assertTrue(outbound.offer(Outbound.Frame.text("keep-2", false)), "an ephemeral frame must make room");
        assertTrue(outbound.offer(Outbound.Frame.text("typing-3", true)), "a dropped ephemeral frame is not an overflow");
        assertEquals(2, outbound.dropped());
        assertTrue(failures.isEmpty());
        while (!remote.pending.isEmpty()) {
            remote.completeOne();
        }
        assertEquals(List.of("in flight", "keep-1", "keep-2", "typing-3"), remote.sent, "the oldest ephemeral frames go first");
    }

    @Test
    void aFullQueueOfDurableFramesIsReportedAsOverflowAndRefusesMore() {
        Remote remote = new Remote();
        Outbound outbound = new Outbound(remote.proxy(), 2, 1_000_000, failures::add);
        outbound.offer(Outbound.Frame.text("in flight", false));
        outbound.offer(Outbound.Frame.text("a", false));
        outbound.offer(Outbound.Frame.text("b", false));
        assertFalse(outbound.offer(Outbound.Frame.text("c", false)));
        assertEquals(List.of(Outbound.Failure.OVERFLOW), failures);
        assertFalse(outbound.offer(Outbound.Frame.text("d", false)), "an overflowed path stays closed");
    }

    @Test
    void theByteBoundCountsToo() {
        Remote remote = new Remote();
        Outbound outbound = new Outbound(remote.proxy(), 1000, 100, failures::add);
        outbound.offer(Outbound.Frame.text("in flight", false));
        assertTrue(outbound.offer(Outbound.Frame.text("x".repeat(40), false)));
        assertFalse(outbound.offer(Outbound.Frame.text("y".repeat(40), false)));
        assertEquals(List.of(Outbound.Failure.OVERFLOW), failures);
    }

    @Test
    void aFailedSendClosesThePath() throws IOException {
        Remote remote = new Remote();
        Outbound outbound = new Outbound(remote.proxy(), 10, 1_000_000, failures::add);
        outbound.offer(Outbound.Frame.text("a", false));
        outbound.offer(Outbound.Frame.text("b", false));
        remote.pending.remove(0).onResult(new SendResult(new IOException("peer gone")));
        assertEquals(List.of(Outbound.Failure.SEND_FAILED), failures);
        assertFalse(outbound.offer(Outbound.Frame.text("c", false)));
        assertEquals(List.of("a"), remote.sent);
    }

    @Test
    void theSendInFlightIsTimedFromWhenItWasHandedToTheContainer() {
        Remote remote = new Remote();
        Outbound outbound = new Outbound(remote.proxy(), 10, 1_000_000, failures::add);
        assertEquals(0, outbound.sendingFor(System.nanoTime()), "nothing in flight");
        long before = System.nanoTime();
        outbound.offer(Outbound.Frame.text("a", false));
        outbound.offer(Outbound.Frame.text("b", false));
        long later = before + 60_000_000_000L;
        assertTrue(outbound.sendingFor(later) > 59_000_000_000L, "a's send has waited about a minute by then");
        long completed = System.nanoTime();
        remote.completeOne();
        assertTrue(outbound.sendingFor(later) <= later - completed, "b's send is timed from when a completed");
        remote.completeOne();
        assertEquals(0, outbound.sendingFor(later), "nothing in flight once the queue is empty");
        outbound.offer(Outbound.Frame.text("c", false));
        outbound.close();
        assertEquals(0, outbound.sendingFor(later), "a closed path has nothing left to time out");
    }
}
