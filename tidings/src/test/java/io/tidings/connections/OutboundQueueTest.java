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

/** The outbound queue over a WebSocket transport whose sends complete when the test says so. */
class OutboundQueueTest {

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

    private final List<OutboundQueue.Failure> failures = new ArrayList<>();

    private OutboundQueue<Object> outbound(Remote remote, int maxItems, long maxBytes) {
        return new OutboundQueue<>(new SocketTransport(remote.proxy()), maxItems, maxBytes, failures::add, () -> { });
    }

    /** Offers text as a connection does: two bytes a character. */
    private static boolean text(OutboundQueue<Object> outbound, String text, boolean ephemeral) {
        return outbound.offer(text, 2L * text.length(), ephemeral);
    }

    @Test
    void onlyOneSendIsInFlightAndTheRestGoOutInOrder() {
        Remote remote = new Remote();
        OutboundQueue<Object> outbound = outbound(remote, 10, 1_000_000);
        for (int i = 0; i < 5; i++) {
            assertTrue(text(outbound, "m" + i, false));
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
        OutboundQueue<Object> outbound = outbound(remote, 10, 1_000_000);
        outbound.hold();
        assertTrue(text(outbound, "welcome", false));
        assertTrue(text(outbound, "unread", false));
        assertEquals(List.of(), remote.sent);
        assertEquals(2, outbound.queued());
        outbound.release();
        remote.completeOne();
        assertTrue(text(outbound, "later", false));
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
        OutboundQueue<Object> outbound = outbound(remote, 10, 1_000_000);
        outbound.hold();
        outbound.release();
        assertTrue(text(outbound, "m", false));
        assertEquals(List.of("m"), remote.sent);
    }

    @Test
    void sendsThatCompleteOnTheCallingThreadDoNotRecurse() {
        Remote remote = new Remote();
        remote.inline = true;
        OutboundQueue<Object> outbound = outbound(remote, 100_000, Long.MAX_VALUE);
        for (int i = 0; i < 50_000; i++) {
            text(outbound, "m" + i, false);
        }
        assertEquals(50_000, remote.sent.size());
        assertEquals("m49999", remote.sent.get(49_999));
    }

    @Test
    void ephemeralFramesAreDroppedBeforeTheQueueOverflows() {
        Remote remote = new Remote();
        OutboundQueue<Object> outbound = outbound(remote, 3, 1_000_000);
        text(outbound, "in flight", false);
        text(outbound, "typing-1", true);
        text(outbound, "keep-1", false);
        text(outbound, "typing-2", true);
        assertTrue(text(outbound, "keep-2", false), "an ephemeral frame must make room");
        assertTrue(text(outbound, "typing-3", true), "a dropped ephemeral frame is not an overflow");
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
        OutboundQueue<Object> outbound = outbound(remote, 2, 1_000_000);
        text(outbound, "in flight", false);
        text(outbound, "a", false);
        text(outbound, "b", false);
        assertFalse(text(outbound, "c", false));
        assertEquals(List.of(OutboundQueue.Failure.OVERFLOW), failures);
        assertFalse(text(outbound, "d", false), "an overflowed path stays closed");
    }

    @Test
    void theByteBoundCountsToo() {
        Remote remote = new Remote();
        OutboundQueue<Object> outbound = outbound(remote, 1000, 100);
        text(outbound, "in flight", false);
        assertTrue(text(outbound, "x".repeat(40), false));
        assertFalse(text(outbound, "y".repeat(40), false));
        assertEquals(List.of(OutboundQueue.Failure.OVERFLOW), failures);
    }

    @Test
    void aFailedSendClosesThePath() throws IOException {
        Remote remote = new Remote();
        OutboundQueue<Object> outbound = outbound(remote, 10, 1_000_000);
        text(outbound, "a", false);
        text(outbound, "b", false);
        remote.pending.remove(0).onResult(new SendResult(new IOException("peer gone")));
        assertEquals(List.of(OutboundQueue.Failure.SEND_FAILED), failures);
        assertFalse(text(outbound, "c", false));
        assertEquals(List.of("a"), remote.sent);
    }

    @Test
    void theSendInFlightIsTimedFromWhenItWasHandedToTheContainer() {
        Remote remote = new Remote();
        OutboundQueue<Object> outbound = outbound(remote, 10, 1_000_000);
        assertEquals(0, outbound.sendingFor(System.nanoTime()), "nothing in flight");
        long before = System.nanoTime();
        text(outbound, "a", false);
        text(outbound, "b", false);
        long later = before + 60_000_000_000L;
        assertTrue(outbound.sendingFor(later) > 59_000_000_000L, "a's send has waited about a minute by then");
        long completed = System.nanoTime();
        remote.completeOne();
        assertTrue(outbound.sendingFor(later) <= later - completed, "b's send is timed from when a completed");
        remote.completeOne();
        assertEquals(0, outbound.sendingFor(later), "nothing in flight once the queue is empty");
        text(outbound, "c", false);
        outbound.close();
        assertEquals(0, outbound.sendingFor(later), "a closed path has nothing left to time out");
    }
}
