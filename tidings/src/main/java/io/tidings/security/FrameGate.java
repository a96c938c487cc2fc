package io.tidings.security;

import io.tidings.metrics.Metrics;
import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.connections.Attribute;
import io.tidings.connections.Connection;
import io.tidings.protocol.CloseCodes;
import io.tidings.protocol.ErrorCode;
import io.tidings.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;


/**
 * What every connection passes through besides the handshake: its limits are set when it opens,
 * and every client frame is counted against its rate limit before it reaches the dispatcher.
 */
@ApplicationScoped
public class FrameGate {

    /** A connection's own frame limits, read from the settings when it opens. */
    record Limits(int maxBytes, int jsonDepth) {
    }

    private static final Attribute<Limits> LIMITS = Attribute.named("frame limits");

    @Inject
    Settings settings;

    @Inject
    Metrics metrics;

    /** Applies the per-connection limits to a newly opened connection. */
    public void opened(Session session, Connection connection, Identity identity) {
        int maxBytes = settings.integer(Setting.MAX_FRAME_BYTES);
        // Undertow refuses larger messages while reading them (1009); Tyrus ignores these sizes
        // (eclipse-ee4j/tyrus#395) and buffers up to its incoming-buffer-size, so fits() checks too.
        session.setMaxTextMessageBufferSize(maxBytes);
        session.setMaxBinaryMessageBufferSize(maxBytes);
        connection.set(LIMITS, new Limits(maxBytes, settings.integer(Setting.JSON_DEPTH)));
        connection.set(Identity.ATTRIBUTE, identity);
        Liveness.of(connection);
        Throttle.install(connection, settings.number(Setting.RATE_PER_SECOND), settings.number(Setting.RATE_BURST));
    }

    /** How deep this connection's frames may nest ({@code tidings.limits.json-depth} when it opened). */
    public int jsonDepth(Connection connection) {
        return connection.get(LIMITS).jsonDepth();
    }

    /**
     * Whether a message of this many bytes (text as UTF-8) is within the frame limit; if not, the
     * connection is closed with 1009.
     */
    public boolean fits(Connection connection, long bytes) {
        int max = connection.get(LIMITS).maxBytes();
        return bytes <= max || tooBig(connection, max);
    }

    private static boolean tooBig(Connection connection, int max) {
        connection.close(CloseReason.CloseCodes.TOO_BIG.getCode(), "message larger than " + max + " bytes");
        return false;
    }

    /**
     * Whether a client frame may be dispatched. Over the rate limit the frame is dropped with a
     * {@code rate_limited} error; after too many in a row the connection is closed with 4029.
     */
    public boolean admit(Connection connection, String ref) {
        Liveness.of(connection).heard();
        int strikes = Throttle.of(connection).take();
        if (strikes == 0) {
            return true;
        }
        metrics.rateLimited();
        if (strikes >= settings.integer(Setting.RATE_STRIKES)) {
            connection.close(CloseCodes.RATE_LIMITED, "rate limit exceeded");
        } else if (strikes == 1 || ref != null) {
            // One error per burst (and one per frame that asked for a reply): the flood is not echoed back.
            connection.send(Frames.error(ErrorCode.RATE_LIMITED, "more than " + settings.string(Setting.RATE_PER_SECOND)
                    + " frames per second; slow down or the connection is closed with 4029", ref));
        }
        return false;
    }

    /** A pong arrived: the peer is alive. */
    public void ponged(Connection connection) {
        Liveness.of(connection).ponged();
    }

    public static Identity identity(Connection connection) {
        return connection.get(Identity.ATTRIBUTE);
    }
}
