package io.tidings.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonException;
import jakarta.websocket.Decoder;

import java.util.regex.Pattern;

/**
 * Reads a text frame into an {@link Inbound}. It never throws: what cannot be read becomes a
 * {@link Malformed} carrying the error code to reply with and, when it could be read, the frame's
 * {@code ref}.
 */
public class EnvelopeDecoder implements Decoder.Text<Inbound> {

    /** Frame types: lower case, digits, dots, dashes and underscores, 1 to 64 characters. */
    public static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9._-]{0,63}");
    /** Correlation ids are opaque strings of at most this many characters. */
    public static final int MAX_REF_LENGTH = 64;

    /** Nesting allowed when no limit is given (the default of {@code tidings.limits.json-depth}). */
    public static final int DEFAULT_DEPTH = 64;

    @Override
    public Inbound decode(String text) {
        return decode(text, DEFAULT_DEPTH);
    }

    /** Decodes a frame whose arrays and objects may nest at most {@code maxDepth} levels. */
    public Inbound decode(String text, int maxDepth) {
        JsonValue value;
        try {
            value = Json.parse(text, maxDepth);
        } catch (JsonGuard.Refused e) {
            return new Malformed(e.code(), e.getMessage(), null);
        } catch (RuntimeException e) {
            // JsonException, and whatever else a parser throws on input it cannot read
            return new Malformed(ErrorCode.INVALID_JSON, "frame is not valid JSON; send an object like {\"type\":\"ping\"}", null);
        }
        if (!(value instanceof JsonObject frame)) {
            return new Malformed(ErrorCode.NOT_AN_OBJECT, "frame must be a JSON object like {\"type\":\"ping\"}", null);
        }
        return read(frame);
    }

    static Inbound read(JsonObject frame) {
        JsonValue refValue = frame.get("ref");
        String ref = refValue instanceof JsonString s ? s.getString() : null;
        if (refValue != null && refValue != JsonValue.NULL && (ref == null || ref.length() > MAX_REF_LENGTH)) {
            return new Malformed(ErrorCode.INVALID_FIELD, "ref must be a string of at most " + MAX_REF_LENGTH + " characters", null);
        }
        JsonValue typeValue = frame.get("type");
        if (typeValue == null || typeValue == JsonValue.NULL) {
            return new Malformed(ErrorCode.MISSING_TYPE, "frame has no type; add a \"type\" field such as \"ping\"", ref);
        }
        if (!(typeValue instanceof JsonString type) || !TYPE.matcher(type.getString()).matches()) {
            return new Malformed(ErrorCode.INVALID_FIELD, "type must be a string matching " + TYPE.pattern(), ref);
        }
        JsonValue roomValue = frame.get("room");
        if (roomValue != null && roomValue != JsonValue.NULL && !(roomValue instanceof JsonString)) {
            return new Malformed(ErrorCode.INVALID_FIELD, "room must be a string", ref);
        }
        String room = roomValue instanceof JsonString r ? r.getString() : null;
        JsonValue echo = frame.get("echo");
        if (echo != null && echo != JsonValue.NULL && echo != JsonValue.TRUE && echo != JsonValue.FALSE) {
            return new Malformed(ErrorCode.INVALID_FIELD, "echo must be true or false", ref);
        }
        JsonValue data = frame.get("data");
        return new Envelope(type.getString(), data == JsonValue.NULL ? null : data, ref, null, room, null, null, null,
                echo == JsonValue.FALSE ? Boolean.FALSE : null);
    }

    @Override
    public boolean willDecode(String text) {
        return true;
    }
}
