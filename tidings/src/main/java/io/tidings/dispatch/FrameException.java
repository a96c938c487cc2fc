package io.tidings.dispatch;

import io.tidings.protocol.ErrorCode;

/** Thrown by a handler to reply with an {@code error} frame of the given code. */
public class FrameException extends RuntimeException {

    private final String code;

    public FrameException(ErrorCode code, String message) {
        this(code.wire(), message);
    }

    /** An error with an application's own code (from a {@code HandlerException}). */
    public FrameException(String wireCode, String message) {
        super(message, null, false, false);
        this.code = wireCode;
    }

    /** The code as it goes on the wire. */
    public String code() {
        return code;
    }
}
