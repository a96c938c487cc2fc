package io.tidings.sse;

import io.tidings.connections.Traffic;
import io.tidings.protocol.Data;
import io.tidings.protocol.Encoded;
import io.tidings.protocol.Envelope;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseStreamTest {

    /** A client that reads only when the test completes its pending sends. */
    private final List<Map<String, Object>> sent = new ArrayList<>();
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();
    private final AtomicInteger sinkClosed = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger slowConsumers = new AtomicInteger();
    private final AtomicInteger onClose = new AtomicInteger();

    private SseStream stream(int maxEvents) {
        return stream(maxEvents, 1_000_000);
    }

    private SseStream stream(int maxEvents, long maxBytes) {
        Traffic traffic = new Traffic() {
            public void queued(int bytes) { }

            public void dropped() { dropped.incrementAndGet(); }

            public void slowConsumer() { slowConsumers.incrementAndGet(); }

            public void sendTimedOut() { }
        };
        SseStream stream = new SseStream("ada", sink(), sse(), Runnable::run, traffic, maxEvents, maxBytes);
        stream.onClose(onClose::incrementAndGet);
        return stream;
    }

    private static Envelope message(long seq) {
        return new Envelope("message", null, null, "id-" + seq, "lobby", "ada", seq, null, null);
    }

    private void readOne() {
        pending.remove(0).complete(null);
    }

    @Test
    void framesAreSentOneAtATimeInOrderAndMessagesCarryTheirSequenceAsId() {
        SseStream stream = stream(10);
        stream.deliver(new Encoded(message(1), "{}", false));
        stream.deliver(new Encoded(message(2), "{}", false));
        stream.deliver(new Encoded(Envelope.of("presence", (Data) null), "{}", true));
        assertEquals(1, sent.size());
        readOne();
        readOne();
        assertEquals(3, sent.size());
        assertEquals(List.of("1", "2"), List.of(sent.get(0).get("id"), sent.get(1).get("id")));
        assertEquals("presence", sent.get(2).get("name"));
        assertNull(sent.get(2).get("id"));
    }

    @Test
    void aFullQueueDropsEphemeralFramesThenClosesTheStreamAsASlowConsumer() {
        SseStream stream = stream(2);
        stream.deliver(new Encoded(message(1), "{}", false)); // in flight, never read
        stream.deliver(new Encoded(message(2), "{}", false));
        stream.deliver(new Encoded(message(3), "{}", false));
        assertTrue(stream.deliver(new Encoded(Envelope.of("typing", (Data) null), "{}", true)));
        assertEquals(1, dropped.get());
        assertFalse(stream.isClosed());
        assertFalse(stream.deliver(new Encoded(message(4), "{}", false)));
        assertEquals(1, slowConsumers.get());
        assertTrue(stream.isClosed());
        assertEquals(1, sinkClosed.get());
        stream.close();
        assertEquals(1, onClose.get());
    }

    @Test
    void aStreamIsBoundedByBytesAsASocketIs() {
        SseStream stream = stream(100, 2_000);
        String big = "x".repeat(400); // 800 bytes queued, as the socket queue counts text
        assertTrue(stream.deliver(new Encoded(message(1), big, false))); // in flight, never read
        assertTrue(stream.deliver(new Encoded(message(2), big, false)));
        assertTrue(stream.deliver(new Encoded(message(3), big, false)));
        assertFalse(stream.deliver(new Encoded(message(4), big, false)), "a third queued event exceeds 2,000 bytes");
        assertEquals(1, slowConsumers.get());
        assertTrue(stream.isClosed());
    }

    @Test
    void aFailedSendClosesTheStreamOnce() {
        SseStream stream = stream(10);
        stream.deliver(new Encoded(message(1), "{}", false));
        pending.remove(0).completeExceptionally(new IllegalStateException("client gone"));
        assertTrue(stream.isClosed());
        assertFalse(stream.deliver(new Encoded(message(2), "{}", false)));
        assertEquals(1, onClose.get());
    }

    private SseEventSink sink() {
        return (SseEventSink) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{SseEventSink.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "send" -> {
                        sent.add(fields(args[0]));
                        var done = new CompletableFuture<Void>();
                        pending.add(done);
                        yield done;
                    }
                    case "close" -> {
                        sinkClosed.incrementAndGet();
                        yield null;
                    }
                    case "isClosed" -> sinkClosed.get() > 0;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(Object event) throws Throwable {
        return (Map<String, Object>) Proxy.getInvocationHandler(event).invoke(event, null, null);
    }

    /** An Sse whose builders record what is set and build events that hand those fields back. */
    private static Sse sse() {
        return (Sse) Proxy.newProxyInstance(SseStreamTest.class.getClassLoader(), new Class<?>[]{Sse.class},
                (proxy, method, args) -> builder());
    }

    private static OutboundSseEvent.Builder builder() {
        Map<String, Object> fields = new HashMap<>();
        return (OutboundSseEvent.Builder) Proxy.newProxyInstance(SseStreamTest.class.getClassLoader(),
                new Class<?>[]{OutboundSseEvent.Builder.class}, (proxy, method, args) -> {
                    if (method.getName().equals("build")) {
                        return Proxy.newProxyInstance(SseStreamTest.class.getClassLoader(),
                                new Class<?>[]{OutboundSseEvent.class}, (event, m, a) -> fields);
                    }
                    fields.put(method.getName(), args[args.length - 1]);
                    return proxy;
                });
    }
}
