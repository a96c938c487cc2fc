package io.tidings.protocol;

import jakarta.websocket.CloseReason;

/**
 * The WebSocket close codes Tidings uses besides the standard ones. The README lists them all;
 * a client may rely on their meaning.
 */
public final class CloseCodes {

    /**
     * The container failed to send a frame to the connection (standard 1011, "send failed"): the
     * connection is closed, the others go on. Reconnect and recover by sequence.
     */
    public static final int SEND_FAILED = 1011;
    /** The peer stopped answering pings, or sent nothing for the idle timeout. */
    public static final int UNRESPONSIVE = 4000;
    /** Missing or invalid credentials, or the token expired and was not refreshed in time. */
    public static final int UNAUTHENTICATED = 4001;
    /** The credentials are valid but do not allow this. */
    public static final int FORBIDDEN = 4003;
    /** The connection's outbound queue overflowed: it did not read fast enough. Reconnect and recover by sequence. */
    public static final int SLOW_CONSUMER = 4008;
    /** A connection limit (total, per address, per user) was reached. */
    public static final int TOO_MANY_CONNECTIONS = 4013;
    /** The client kept sending faster than its rate limit after being told so. */
    public static final int RATE_LIMITED = 4029;

    /** An operator disconnected the connection (HTTP API); the reason says why. Reconnecting is allowed. */
    public static final int DISCONNECTED = 4010;

    private CloseCodes() {
    }

    public static CloseReason reason(int code, String phrase) {
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), phrase);
    }
}
