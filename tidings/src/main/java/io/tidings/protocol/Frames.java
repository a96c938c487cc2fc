package io.tidings.protocol;

import jakarta.json.JsonValue;

import java.time.Instant;

/** Builds the frames the server sends on its own: welcome, pong, ack and error. */
public final class Frames {

    /** The protocol version announced in {@code welcome}; raised on incompatible changes. */
    public static final int PROTOCOL_VERSION = 1;

    private Frames() {
    }

    public static Envelope welcome(String connectionId, String user) {
        var data = Json.createObjectBuilder()
                .add("connection", connectionId)
                .add("protocol", PROTOCOL_VERSION)
                .add("serverTime", Instant.now().toString());
        if (user != null) {
            data.add("user", user);
        }
        return Envelope.of("welcome", data.build());
    }

    public static Envelope pong(String ref) {
        return Envelope.of("pong", Json.createObjectBuilder().add("serverTime", Instant.now().toString()).build())
                .withRef(ref);
    }

    /** An ack with no result. */
    public static Envelope ack(String ref) {
        return ack(ref, (Data) null);
    }

    public static Envelope ack(String ref, JsonValue result) {
        return Envelope.of("ack", result).withRef(ref);
    }

    public static Envelope ack(String ref, Data result) {
        return Envelope.of("ack", result).withRef(ref);
    }

    public static Envelope error(ErrorCode code, String message, String ref) {
        return error(code.wire(), message, ref);
    }

    public static Envelope error(String code, String message, String ref) {
        return Envelope.of("error", Json.createObjectBuilder()
                .add("code", code)
                .add("message", message)
                .build()).withRef(ref);
    }

    public static Envelope error(Malformed malformed) {
        return error(malformed.code(), malformed.message(), malformed.ref());
    }
}
