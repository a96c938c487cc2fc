package io.tidings.connections;

import io.tidings.protocol.CloseCodes;
import io.tidings.protocol.Encoded;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.EnvelopeEncoder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open WebSocket: who is on it, where from, since when, what features keep for it
 * ({@link Attribute}), and its outbound path ({@link OutboundQueue} over a {@link SocketTransport}).
 * Everything sent to a connection goes through {@link #send(Envelope)} / {@link #sendText(String, boolean)},
 * which never block; how it is closed is {@link SocketClose}'s job.
 */
public final class Connection implements Recipient {

    private static final Logger LOG = Logger.getLogger(Connection.class.getName());
    private static final EnvelopeEncoder ENCODER = new EnvelopeEncoder();

    private final String id;
    private final String user;
    private final String remoteAddress;
    private final Instant openedAt = Instant.now();
    private final Map<Attribute<?>, Object> attributes = new ConcurrentHashMap<>();
    private final Session session;
    private final OutboundQueue<Object> outbound;
    private final SocketClose closing;
    private final Traffic traffic;
    private final long sendTimeoutNanos;

    Connection(String id, String user, String remoteAddress, Session session, OutboundLimits limits, Executor closer,
               Traffic traffic, Consumer<Connection> cutOff) {
        this.sendTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(limits.sendTimeoutMillis());
        this.id = id;
        this.user = user;
        this.remoteAddress = remoteAddress;
        this.session = session;
        this.traffic = traffic;
        this.closing = new SocketClose(session, closer, limits.closeDrainMillis(), () -> cutOff.accept(this));
        var transport = new SocketTransport(session.getAsyncRemote());
        this.outbound = new OutboundQueue<>(transport, limits.maxMessages(), limits.maxBytes(),
                transport.withApplicationLoader(this::outboundFailed), traffic::dropped);
        // Nothing leaves before the connection is announced: a client that acts on its welcome
        // finds the connection registered everywhere (its user, the observers' state).
        this.outbound.hold();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String user() {
        return user;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public Instant openedAt() {
        return openedAt;
    }

    /** What a feature keeps for this connection under its key; null when nothing is kept. */
    @SuppressWarnings("unchecked")
    public <T> T get(Attribute<T> key) {
        return (T) attributes.get(key);
    }

    public <T> void set(Attribute<T> key, T value) {
        attributes.put(key, value);
    }

    /** What is kept under the key, made by {@code create} the first time. */
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Attribute<T> key, java.util.function.Supplier<T> create) {
        return (T) attributes.computeIfAbsent(key, k -> create.get());
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    /** Sends what was queued before the connection was announced, its welcome first, and all that follows. */
    void ready() {
        outbound.release();
    }

    /** Encodes and queues one frame for this connection only. */
    public boolean send(Envelope frame) {
        return sendText(ENCODER.encode(frame), false);
    }

    /**
     * Queues already encoded text. Broadcasts encode once and call this for every recipient.
     * Ephemeral frames (typing, presence) are the first dropped when the connection falls behind.
     */
    public boolean sendText(String text, boolean ephemeral) {
        return counted(text, text.length() * 2, ephemeral); // the heap a queued string holds
    }

    public boolean sendBinary(ByteBuffer data) {
        return counted(data.asReadOnlyBuffer(), data.remaining(), false);
    }

    private boolean counted(Object frame, int bytes, boolean ephemeral) {
        boolean queued = outbound.offer(frame, bytes, ephemeral);
        if (queued) {
            traffic.queued(bytes);
        }
        return queued;
    }

    @Override
    public boolean deliver(Encoded frame) {
        return sendText(frame.text(), frame.ephemeral());
    }

    @Override
    public boolean deliverBinary(ByteBuffer data) {
        return sendBinary(data);
    }

    /**
     * Sends a WebSocket ping. Control frames bypass the outbound queue: they are small, and a peer
     * that does not read will not answer them either.
     */
    public void ping(ByteBuffer payload) {
        SocketTransport.withoutJars(() -> {
            try {
                session.getAsyncRemote().sendPing(payload);
            } catch (IOException | RuntimeException | Error e) { // any failure in the container is this connection's
                LOG.log(Level.FINE, "ping to connection " + id + " failed", e);
            }
        });
    }

    /** Frames waiting in the outbound queue. */
    public int queued() {
        return outbound.queued();
    }

    /** Ephemeral frames dropped because the connection fell behind. */
    public long dropped() {
        return outbound.dropped();
    }

    /**
     * Cuts the connection off and closes it with 4000 when the send in flight has waited longer
     * than {@code tidings.outbound.send-timeout-ms} for the container: the peer stopped reading (its
     * TCP window is shut) or the network dropped it. Returns whether it did.
     */
    boolean closeIfSendTimedOut(long nowNanos) {
        if (sendTimeoutNanos <= 0 || outbound.sendingFor(nowNanos) <= sendTimeoutNanos) {
            return false;
        }
        outbound.close();
        traffic.sendTimedOut();
        closing.cutOffThenClose(CloseCodes.reason(CloseCodes.UNRESPONSIVE, "send timed out"));
        return true;
    }

    /**
     * Closes the WebSocket with a code and a reason phrase (at most 123 bytes). Nothing more is sent;
     * the close itself is made on the closer thread ({@link SocketClose}).
     */
    public void close(int code, String reason) {
        outbound.close();
        closing.close(CloseCodes.reason(code, reason));
    }

    private void outboundFailed(OutboundQueue.Failure why) {
        switch (why) {
            case OVERFLOW -> {
                traffic.slowConsumer();
                closing.cutOffThenCloseAfterDrain(CloseCodes.reason(CloseCodes.SLOW_CONSUMER, "outbound queue full; reconnect and recover"));
            }
            case SEND_FAILED -> closing.cutOffThenClose(CloseCodes.reason(CloseCodes.SEND_FAILED, "send failed"));
        }
    }

    @Override
    public String toString() {
        return "Connection[" + id + ", user=" + user + "]";
    }
}
