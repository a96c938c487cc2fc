package io.tidings.connections;

import io.tidings.protocol.CloseCodes;
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
 * One open WebSocket: who is on it, where from, since when, and its outbound path. Everything
 * sent to a connection goes through {@link #send(Envelope)} / {@link #sendText(String, boolean)},
 * which never block.
 */
public final class Connection implements Recipient {

    private static final Logger LOG = Logger.getLogger(Connection.class.getName());
    private static final EnvelopeEncoder ENCODER = new EnvelopeEncoder();
    private static final String DRAIN = "tidings.drain";
    private static final CloseReason STOPPING = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "the server is stopping");
    private static final byte[] DRAIN_PING = {'d', 'r', 'a', 'i', 'n'};

    private final String id;
    private final String user;
    private final String remoteAddress;
    private final Instant openedAt = Instant.now();
    private final Map<Attribute<?>, Object> attributes = new ConcurrentHashMap<>();
    private final Session session;
    private final Outbound outbound;
    private final Executor closer;

    private final Traffic traffic;
    private final Consumer<Connection> cutOff;
    private final long closeDrainMillis;
    private final long sendTimeoutNanos;

    Connection(String id, String user, String remoteAddress, Session session, OutboundLimits limits, Executor closer,
               Traffic traffic, Consumer<Connection> cutOff) {
        this.closer = closer;
        this.cutOff = cutOff;
        this.closeDrainMillis = limits.closeDrainMillis();
        this.sendTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(limits.sendTimeoutMillis());
        this.id = id;
        this.user = user;
        this.remoteAddress = remoteAddress;
        this.session = session;
        this.traffic = traffic;
        this.outbound = new Outbound(session.getAsyncRemote(), limits.maxMessages(), limits.maxBytes(), this::outboundFailed);
        this.outbound.onDrop(traffic::dropped);
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
        return counted(Outbound.Frame.text(text, ephemeral));
    }

    public boolean sendBinary(ByteBuffer data) {
        return counted(Outbound.Frame.binary(data.asReadOnlyBuffer()));
    }

    private boolean counted(Outbound.Frame frame) {
        boolean queued = outbound.offer(frame);
        if (queued) {
            traffic.queued(frame.bytes());
        }
        return queued;
    }

    @Override
    public boolean deliver(Envelope frame, String text, boolean ephemeral) {
        return sendText(text, ephemeral);
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
        Outbound.withoutJars(() -> {
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
        cutOffThen(() -> closeNow(session, CloseCodes.reason(CloseCodes.UNRESPONSIVE, "send timed out")));
        return true;
    }

    /**
     * Closes the WebSocket with a code and a reason phrase (at most 123 bytes). Nothing more is sent;
     * the close itself is made on the closer thread, see {@link #closeAway(Session, CloseReason, Executor)}.
     */
    public void close(int code, String reason) {
        outbound.close();
        closeAway(session, CloseCodes.reason(code, reason), closer);
    }

    /**
     * Closes on another thread: an overflow is detected inside a sender's fan-out loop, and Tyrus
     * runs {@code @OnClose} (leaving rooms, telling the other members) on the closing thread, which
     * would then change a room's members while it is being iterated.
     * <p>
     * A slow consumer is cut off at once (it leaves the registry, its rooms and its user), but its
     * close frame waits until it has read what was queued (a ping sent behind the queued frames is
     * answered) or {@code tidings.outbound.close-drain-ms} passed: a container that tears the TCP
     * connection down with writes still pending (Tyrus) would otherwise never deliver the 4008.
     */
    private void outboundFailed(Outbound.Failure why) {
        switch (why) {
            case OVERFLOW -> {
                traffic.slowConsumer();
                cutOffThen(() -> closeAfterDrain(CloseCodes.reason(CloseCodes.SLOW_CONSUMER, "outbound queue full; reconnect and recover")));
            }
            case SEND_FAILED -> cutOffThen(() -> closeNow(session, CloseCodes.reason(CloseCodes.SEND_FAILED, "send failed")));
        }
    }

    /**
     * On the closer thread: takes the connection out of the registry, its rooms and its user, then
     * closes it with {@code close}.
     */
    private void cutOffThen(Runnable close) {
        onCloser(closer, session, () -> {
            cutOff.accept(this);
            close.run();
        });
    }

    private void closeAfterDrain(CloseReason reason) {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        session.getUserProperties().put(DRAIN, drained);
        ping(ByteBuffer.wrap(DRAIN_PING));
        drained.completeOnTimeout(null, closeDrainMillis, TimeUnit.MILLISECONDS)
                .thenRunAsync(() -> closeNow(session, reason), closer)
                .exceptionally(stopping -> {
                    closeNow(session, reason);
                    return null;
                });
    }

    /** A pong arrived on the session: if it answers the drain ping of a cut-off connection, close it now. */
    public static void ponged(Session session, ByteBuffer payload) {
        if (ByteBuffer.wrap(DRAIN_PING).equals(payload)
                && session.getUserProperties().remove(DRAIN) instanceof CompletableFuture<?> drained) {
            drained.complete(null);
        }
    }

    /**
     * Closes a session the server gives up on from a thread that does not serve HTTP requests.
     * <p>
     * Payara (Tyrus over the servlet upgrade) tears the upgraded request down as soon as it has sent
     * the close frame, and the client's close reply, arriving after that, is processed once more on
     * the torn-down request. Grizzly recycles request objects into a cache of the recycling thread;
     * closed on a request thread, one object could come to serve two requests, and 10 handshakes in
     * 1,000 rounds of connect and disconnect lost their identity (closed with 4001). Closed on the
     * closer thread, none did.
     */
    public static void closeAway(Session session, CloseReason reason, Executor closer) {
        onCloser(closer, session, () -> closeNow(session, reason));
    }

    /** Runs {@code closing} on the closer thread; a server that is stopping closes the session here and now. */
    private static void onCloser(Executor closer, Session session, Runnable closing) {
        try {
            closer.execute(closing);
        } catch (RejectedExecutionException e) {
            closeNow(session, STOPPING);
        }
    }

    private static void closeNow(Session session, CloseReason reason) {
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException | RuntimeException | Error e) { // any failure in the container is this connection's
            LOG.log(Level.FINE, "closing session " + session.getId() + " failed", e);
        }
    }

    @Override
    public String toString() {
        return "Connection[" + id + ", user=" + user + "]";
    }
}
