package io.tidings.security;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.connections.Connection;
import io.tidings.protocol.CloseCodes;
import io.tidings.protocol.ErrorCode;
import io.tidings.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

/**
 * What every connection passes through besides the handshake: its limits are set when it opens,
 * and every client frame is counted against its rate limit before it reaches the dispatcher.
 */
@ApplicationScoped
public class FrameGate {

    @Inject
    Settings settings;

    /** Applies the per-connection limits to a newly opened connection. */
    public void opened(Session session, Connection connection, Identity identity) {
        int maxBytes = settings.integer(Setting.MAX_FRAME_BYTES);
        // Both containers close with 1009 when a message exceeds these buffer sizes.
        session.setMaxTextMessageBufferSize(maxBytes);
        session.setMaxBinaryMessageBufferSize(maxBytes);
        connection.properties().put(Identity.PROPERTY, identity);
        Liveness.of(connection);
        Throttle.install(connection, settings.number(Setting.RATE_PER_SECOND), settings.number(Setting.RATE_BURST));
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
        return (Identity) connection.properties().get(Identity.PROPERTY);
    }
}
