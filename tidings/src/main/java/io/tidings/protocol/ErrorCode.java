package io.tidings.protocol;

/**
 * The machine-readable codes of {@code error} frames. The wire form is the lower-case name
 * ({@code invalid_json}); clients can switch on it, it never changes meaning.
 */
public enum ErrorCode {
    /** The frame is not valid JSON. */
    INVALID_JSON,
    /** Arrays and objects in the frame nest deeper than {@code tidings.limits.json-depth}. */
    TOO_DEEP,
    /** The frame is JSON but not an object. */
    NOT_AN_OBJECT,
    /** The frame has no {@code type} field. */
    MISSING_TYPE,
    /** No handler exists for the frame's {@code type}. */
    UNKNOWN_TYPE,
    /** A field has the wrong JSON type or an invalid value. */
    INVALID_FIELD,
    /** A binary frame was sent where only text is accepted. */
    UNSUPPORTED_FRAME,
    /** A room name does not follow the rules, or a frame that needs a room names none. */
    INVALID_ROOM,
    /** The frame addresses a room the connection has not joined. */
    NOT_JOINED,
    /** The server cannot take the frame right now (for example, too many messages waiting to be stored); retry later. */
    BUSY,
    /** An application handler ({@code @Handles}) failed without saying why. */
    HANDLER_FAILED,
    /** The connection sends faster than its rate limit; the frame was dropped. Slow down. */
    RATE_LIMITED,
    /** The token of an {@code auth.refresh} is missing or not valid. */
    INVALID_TOKEN,
    /** The connection's user may not do this (join a private room it is not a member of, refresh with another user's token). */
    FORBIDDEN,
    /** The connection is already in {@code tidings.limits.rooms-per-connection} rooms. */
    TOO_MANY_ROOMS,
    /** The server holds {@code tidings.rooms.max-in-memory} rooms and none is empty; retry later. */
    ROOMS_FULL,
    /** The connection brought {@code tidings.limits.new-rooms-per-minute} rooms into use in the last minute. */
    TOO_MANY_NEW_ROOMS,
    /** The server failed while handling the frame; the frame may be retried. */
    INTERNAL;

    /** The code as it appears on the wire. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
