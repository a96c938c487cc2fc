package io.tidings.socket;

import io.tidings.platform.Platform;
import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionRegistry;
import io.tidings.connections.SocketClose;
import io.tidings.dispatch.Dispatcher;
import io.tidings.metrics.Metrics;
import io.tidings.protocol.CloseCodes;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.EnvelopeDecoder;
import io.tidings.protocol.Frames;
import io.tidings.protocol.Inbound;
import io.tidings.protocol.Malformed;
import io.tidings.protocol.Utf8;
import io.tidings.security.ConnectionLimits;
import io.tidings.security.FrameGate;
import io.tidings.security.Identity;
import io.tidings.security.RoomAccess;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The inbound pipeline of every Tidings endpoint: register the session on open, pass its frames
 * through the {@link FrameGate} (size, rate) and {@link RoomAccess} (private rooms) to the
 * dispatcher, unregister it on close. The endpoints stay annotation shells around this bean,
 * because annotated endpoint methods are not inherited.
 */
@ApplicationScoped
class SocketPipeline {

    static final String CONNECTION_ID = "tidings.connectionId";
    /** Text is decoded here rather than by a declared decoder, so the size check comes first. */
    private static final EnvelopeDecoder DECODER = new EnvelopeDecoder();

    @Inject
    ConnectionRegistry connections;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Metrics metrics;

    @Inject
    FrameGate gate;

    @Inject
    RoomAccess access;

    @Inject
    ConnectionLimits limits;

    /** Closes refused sessions away from the request thread (see {@link Connection#closeAway}). */
    ManagedExecutorService closer = Platform.executor();

    /**
     * Registers the session and sends {@code welcome}. A session without an identity (the
     * handshake filter did not run for it) is closed with 4001 instead.
     */
    public Optional<Connection> open(Session session) {
        var properties = session.getUserProperties();
        if (!(properties.get(Identity.PROPERTY) instanceof Identity identity)) {
            refuse(session);
            return Optional.empty();
        }
        Connection connection = connections.open(session, identity.user(),
                (String) properties.get(HandshakeConfigurator.REMOTE_ADDRESS));
        // Counted by the registry now, no longer as an admitted handshake.
        limits.settle((ConnectionLimits.Admission) properties.remove(HandshakeConfigurator.ADMISSION));
        properties.put(CONNECTION_ID, connection.id());
        gate.opened(session, connection, identity);
        connection.send(Frames.welcome(connection.id(), connection.user()));
        connections.announce(connection);
        return Optional.of(connection);
    }

    /** Session property: the text message being received in parts. */
    private static final String PARTIAL = "tidings.partialText";

    /** A text message arriving in parts, and whether it was already refused as too big. */
    private static final class Partial {
        final StringBuilder text = new StringBuilder();
        long bytes;
        boolean refused;
    }

    /**
     * A part of a text message. The endpoints take text in parts so that a message over the frame
     * limit is refused (1009) as soon as its parts pass the limit: Undertow hands parts over as
     * they arrive, while its own size check in WildFly 39 waits for the end of a frame (UNDERTOW-2770),
     * so a header declaring a huge length kept the connection open. A message in one part goes
     * straight to {@link #received}.
     */
    public void receivedPart(Session session, String part, boolean last) {
        var properties = session.getUserProperties();
        Partial partial = (Partial) properties.get(PARTIAL);
        if (partial == null) {
            if (last) {
                received(session, part);
                return;
            }
            partial = new Partial();
            properties.put(PARTIAL, partial);
        }
        if (!partial.refused) {
            partial.bytes += Utf8.length(part);
            long bytes = partial.bytes;
            if (connection(session).filter(connection -> gate.fits(connection, bytes)).isPresent()) {
                partial.text.append(part);
            } else {
                partial.refused = true; // closed with 1009; the rest of the message is dropped unread
                partial.text.setLength(0);
            }
        }
        if (last) {
            properties.remove(PARTIAL);
            if (!partial.refused) {
                received(session, partial.text.toString());
            }
        }
    }

    /** A text message from the client: size check, decoding, rate limit, dispatch. */
    public void received(Session session, String text) {
        long bytes = Utf8.length(text);
        metrics.received(bytes);
        connection(session).filter(connection -> gate.fits(connection, bytes)).ifPresent(connection -> {
            Inbound frame = DECODER.decode(text, gate.jsonDepth(connection));
            String ref = frame instanceof Envelope e ? e.ref() : frame instanceof Malformed m ? m.ref() : null;
            if (gate.admit(connection, ref) && (!(frame instanceof Envelope e) || access.permits(connection, e))) {
                dispatcher.dispatch(connection, frame);
            }
        });
    }

    /**
     * A frame the server made on the connection's behalf (the join of a room socket): not rate
     * limited, but a refused join closes the socket, as it has no other purpose (4003).
     */
    public void text(Session session, Envelope frame) {
        connection(session).ifPresent(connection -> access.refusal(connection, frame).ifPresentOrElse(
                error -> connection.close(CloseCodes.FORBIDDEN, "not allowed in this room"),
                () -> dispatcher.dispatch(connection, frame)));
    }

    public void binary(Session session, ByteBuffer data) {
        int bytes = data.remaining();
        metrics.received(bytes);
        connection(session).filter(connection -> gate.fits(connection, bytes) && gate.admit(connection, null))
                .ifPresent(connection -> dispatcher.dispatchBinary(connection, data));
    }

    /** A pong from the client: it is alive (or it has read what a cut-off connection had queued). */
    public void pong(Session session, ByteBuffer payload) {
        SocketClose.ponged(session, payload);
        connection(session).ifPresent(gate::ponged);
    }

    public void close(Session session) {
        connections.remove((String) session.getUserProperties().get(CONNECTION_ID));
    }

    private void refuse(Session session) {
        SocketClose.closeAway(session, CloseCodes.reason(CloseCodes.UNAUTHENTICATED, "not authenticated"), closer);
    }

    private Optional<Connection> connection(Session session) {
        Object id = session.getUserProperties().get(CONNECTION_ID);
        return id == null ? Optional.empty() : connections.find((String) id);
    }
}
