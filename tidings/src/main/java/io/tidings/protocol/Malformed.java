package io.tidings.protocol;

/**
 * A client frame that could not be read as an envelope.
 *
 * @param code    the stable error code to reply with
 * @param message what was wrong and how to fix it
 * @param ref     the frame's correlation id, when it could still be read
 */
public record Malformed(ErrorCode code, String message, String ref) implements Inbound {
}
