package io.tidings.protocol;

import jakarta.websocket.CloseReason;

/**
 * The WebSocket close codes Tidings uses besides the standard ones. The README lists them all;
 * a client may rely on their meaning.
 */
public final class CloseCodes {

    /** The connection's outbound queue overflowed: it did not read fast enough. Reconnect and recover by sequence. */
    public static final int SLOW_CONSUMER = 4008;

    /** An operator disconnected the connection (HTTP API); the reason says why. Reconnecting is allowed. */
    public static final int DISCONNECTED = 4010;

    private CloseCodes() {
    }

    public static CloseReason reason(int code, String phrase) {
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), phrase);
    }
}
