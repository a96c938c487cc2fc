package io.tidings.connections;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a WebSocket the server gives up on is closed: always on the closer thread, and a slow
 * consumer only once it has read what was queued for it.
 * <p>
 * Closes are made on another thread because an overflow is detected inside a sender's fan-out
 * loop, and Tyrus runs {@code @OnClose} (leaving rooms, telling the other members) on the closing
 * thread, which would then change a room's members while it is being iterated.
 * <p>
 * A slow consumer is cut off at once (it leaves the registry, its rooms and its user), but its
 * close frame waits until it has read what was queued (a ping sent behind the queued frames is
 * answered) or {@code tidings.outbound.close-drain-ms} passed: a container that tears the TCP
 * connection down with writes still pending (Tyrus) would otherwise never deliver the 4008.
 */
public final class SocketClose {

    private static final Logger LOG = Logger.getLogger(SocketClose.class.getName());
    private static final String DRAIN = "tidings.drain";
    private static final CloseReason STOPPING = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "the server is stopping");
    private static final byte[] DRAIN_PING = {'d', 'r', 'a', 'i', 'n'};

    private final Session session;
    private final Executor closer;
    private final long drainMillis;
    private final Runnable cutOff;

    /** @param cutOff takes the connection out of the registry, its rooms and its user */
    SocketClose(Session session, Executor closer, long drainMillis, Runnable cutOff) {
        this.session = session;
        this.closer = closer;
        this.drainMillis = drainMillis;
        this.cutOff = cutOff;
    }

    /** Closes with {@code reason} on the closer thread. */
    void close(CloseReason reason) {
        closeAway(session, reason, closer);
    }

    /** On the closer thread: cuts the connection off, then closes it with {@code reason}. */
    void cutOffThenClose(CloseReason reason) {
        onCloser(closer, session, () -> {
            cutOff.run();
            closeNow(session, reason);
        });
    }

    /** On the closer thread: cuts the connection off, then closes it once it read what was queued, or the drain time passed. */
    void cutOffThenCloseAfterDrain(CloseReason reason) {
        onCloser(closer, session, () -> {
            cutOff.run();
            closeAfterDrain(reason);
        });
    }

    private void closeAfterDrain(CloseReason reason) {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        session.getUserProperties().put(DRAIN, drained);
        SocketTransport.withoutJars(() -> {
            try {
                session.getAsyncRemote().sendPing(ByteBuffer.wrap(DRAIN_PING));
            } catch (IOException | RuntimeException | Error e) { // any failure in the container is this connection's
                LOG.log(Level.FINE, "drain ping to session " + session.getId() + " failed", e);
            }
        });
        drained.completeOnTimeout(null, drainMillis, TimeUnit.MILLISECONDS)
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
}
