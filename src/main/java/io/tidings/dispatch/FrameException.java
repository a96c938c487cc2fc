package io.tidings.dispatch;

import io.tidings.protocol.ErrorCode;

/** Thrown by a handler to reply with an {@code error} frame of the given code. */
public class FrameException extends RuntimeException {

    private final ErrorCode code;

    public FrameException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
