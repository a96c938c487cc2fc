package io.tidings.sse;

import io.tidings.connections.OutboundQueue;
import io.tidings.connections.Recipient;
import io.tidings.connections.Traffic;
import io.tidings.protocol.Encoded;
import io.tidings.protocol.Envelope;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * One SSE client. Frames go through the same bounded outbound queue as a WebSocket's
 * ({@link OutboundQueue}, by count and bytes) and are sent one at a time on the executor, never on
 * the thread that delivers them: {@link SseEventSink#send} may write synchronously and block on a
 * client that does not read. A full queue drops ephemeral frames, then closes the stream.
 * Room messages carry their sequence number as the event id, notifications the highest inbox
 * position the stream has carried (so a late commit of a lower position never moves a client's
 * {@code Last-Event-ID} back). While a resuming stream replays what it missed, live frames are
 * held and follow the replay, without the ones it already carried.
 */
final class SseStream implements Recipient {

    private final String id = UUID.randomUUID().toString();
    private final String user;
    private final SseEventSink sink;
    private final Sse sse;
    private final Executor executor;
    private final Traffic traffic;
    private final int maxEvents;
    private final OutboundQueue<OutboundSseEvent> queue;
    private Runnable onClose = () -> { };
    private boolean closed;
    /** Live frames that arrived during a replay; null when the stream is not replaying. */
    private List<Encoded> held;
    private long position = -1;
    private volatile long lastQueued = System.nanoTime();

    SseStream(String user, SseEventSink sink, Sse sse, Executor executor, Traffic traffic, int maxEvents, long maxBytes) {
        this.user = user;
        this.sink = sink;
        this.sse = sse;
        this.executor = executor;
        this.traffic = traffic;
        this.maxEvents = maxEvents;
        this.queue = new OutboundQueue<>(this::write, maxEvents, maxBytes, this::failed, traffic::dropped);
    }

    /** The queue's transport: one event written on the executor, its completion reported back. */
    private void write(OutboundSseEvent event, OutboundQueue.Done done) {
        executor.execute(() -> {
            try {
                sink.send(event).whenComplete((written, failure) -> done.sent(failure == null));
            } catch (RuntimeException e) {
                done.sent(false);
            }
        });
    }

    private void failed(OutboundQueue.Failure why) {
        if (why == OutboundQueue.Failure.OVERFLOW) {
            traffic.slowConsumer();
        }
        close();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String user() {
        return user;
    }

    synchronized void onClose(Runnable callback) {
        onClose = callback;
    }

    @Override
    public boolean deliver(Encoded frame) {
        synchronized (this) {
            if (held != null) {
                if (held.size() >= maxEvents) {
                    traffic.slowConsumer();
                    close();
                    return false;
                }
                held.add(frame);
                return true;
            }
        }
        return send(frame);
    }

    /** Live frames are held from now on until {@link #release}: a replay comes first. */
    synchronized void hold() {
        held = new ArrayList<>();
    }

    /** A frame the stream starts with (the unread count, a replay), sent ahead of any held live frame. */
    synchronized boolean sendAhead(Encoded frame) {
        return send(frame);
    }

    /** Sends the held live frames, except notifications the replay carried, and stops holding. */
    synchronized void release(Set<String> replayed) {
        List<Encoded> live = held;
        held = null;
        if (live != null) {
            for (Encoded frame : live) {
                boolean carried = "notification".equals(frame.type()) && replayed.contains(frame.frame().id());
                if (!carried && !send(frame)) {
                    return;
                }
            }
        }
    }

    private boolean send(Encoded encoded) {
        Envelope frame = encoded.frame();
        String text = encoded.text();
        var event = sse.newEventBuilder().name(frame.type()).data(text);
        if ("message".equals(frame.type()) && frame.seq() != null) {
            event.id(String.valueOf(frame.seq()));
        } else if ("notification".equals(frame.type()) && frame.seq() != null) {
            synchronized (this) {
                position = Math.max(position, frame.seq());
                event.id(String.valueOf(position));
            }
        }
        return offer(event.build(), text.length(), encoded.ephemeral());
    }

    /** SSE carries text only: binary room frames do not reach streams. */
    @Override
    public boolean deliverBinary(ByteBuffer data) {
        return false;
    }

    /** A comment line keeps proxies from closing an idle stream and shows whether the client is gone. */
    void heartbeat() {
        offer(sse.newEventBuilder().comment("heartbeat").build(), 12, true);
    }

    long nanosSinceLastQueued() {
        return System.nanoTime() - lastQueued;
    }

    private boolean offer(OutboundSseEvent event, int bytes, boolean ephemeral) {
        lastQueued = System.nanoTime();
        long size = 2L * bytes; // as a WebSocket's queue counts text
        boolean queued = queue.offer(event, size, ephemeral);
        if (queued) {
            traffic.queued((int) size);
        }
        return queued;
    }

    boolean isClosed() {
        synchronized (this) {
            if (closed) {
                return true;
            }
        }
        if (sink.isClosed()) {
            close();
            return true;
        }
        return false;
    }

    void close() {
        Runnable callback;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            callback = onClose;
        }
        queue.close();
        try {
            sink.close();
        } catch (RuntimeException e) {
            // the client is gone already
        }
        // Not inline: an overflow closes the stream inside a room's fan-out loop, and leaving the
        // room there would change the members while they are being iterated.
        executor.execute(callback);
    }
}
