package io.tidings.protocol;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
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

    /**
     * Decodes a frame whose arrays and objects may nest at most {@code maxDepth} levels. One pass of
     * {@link JsonGuard} finds where each top-level value lies, one pass of a streaming parser
     * validates the frame and reads its fields; the payload is validated but not built: it is kept
     * as the text the client sent ({@link Data#json}) and parsed only if a handler reads into it.
     */
    public Inbound decode(String text, int maxDepth) {
        int[] spans;
        try {
            spans = JsonGuard.members(text, maxDepth);
        } catch (JsonGuard.Refused e) {
            return new Malformed(e.code(), e.getMessage(), null);
        }
        Fields fields = new Fields();
        try (JsonParser parser = Json.parser(text)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return notAnObject(text);
            }
            int member = 0;
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String key = parser.getString(); // KEY_NAME
                JsonParser.Event value = parser.next();
                fields.read(key, value, parser, member++);
                skip(parser, value);
            }
            if (parser.hasNext()) {
                throw new JsonException("unexpected content after the JSON value");
            }
        } catch (RuntimeException e) {
            // JsonParsingException, and whatever else a parser throws on input it cannot read
            return invalid();
        }
        return fields.frame(text, spans);
    }

    /** A frame that is not an object: valid JSON of another kind, or not JSON at all. */
    private static Malformed notAnObject(String text) {
        try {
            Json.parse(text);
        } catch (RuntimeException e) {
            return invalid();
        }
        return new Malformed(ErrorCode.NOT_AN_OBJECT, "frame must be a JSON object like {\"type\":\"ping\"}", null);
    }

    private static Malformed invalid() {
        return new Malformed(ErrorCode.INVALID_JSON, "frame is not valid JSON; send an object like {\"type\":\"ping\"}", null);
    }

    /** Walks past an array or object value, so that the parser validates it without building it. */
    private static void skip(JsonParser parser, JsonParser.Event value) {
        if (value != JsonParser.Event.START_OBJECT && value != JsonParser.Event.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                depth++;
            } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                depth--;
            }
        }
    }

    /** What a frame says in its top-level members; for a repeated member the last one counts. */
    private static final class Fields {
        private JsonParser.Event type, ref, room, echo;
        private String typeText, refText, roomText;
        private int data = -1;

        void read(String key, JsonParser.Event value, JsonParser parser, int member) {
            switch (key) {
                case "type" -> {
                    type = value;
                    typeText = value == JsonParser.Event.VALUE_STRING ? parser.getString() : null;
                }
                case "ref" -> {
                    ref = value;
                    refText = value == JsonParser.Event.VALUE_STRING ? parser.getString() : null;
                }
                case "room" -> {
                    room = value;
                    roomText = value == JsonParser.Event.VALUE_STRING ? parser.getString() : null;
                }
                case "echo" -> echo = value;
                case "data" -> data = value == JsonParser.Event.VALUE_NULL ? -1 : member;
                default -> {
                    // other members are allowed and ignored
                }
            }
        }

        Inbound frame(String text, int[] spans) {
            if (present(ref) && (refText == null || refText.length() > MAX_REF_LENGTH)) {
                return new Malformed(ErrorCode.INVALID_FIELD, "ref must be a string of at most " + MAX_REF_LENGTH + " characters", null);
            }
            if (!present(type)) {
                return new Malformed(ErrorCode.MISSING_TYPE, "frame has no type; add a \"type\" field such as \"ping\"", refText);
            }
            if (typeText == null || !TYPE.matcher(typeText).matches()) {
                return new Malformed(ErrorCode.INVALID_FIELD, "type must be a string matching " + TYPE.pattern(), refText);
            }
            if (present(room) && roomText == null) {
                return new Malformed(ErrorCode.INVALID_FIELD, "room must be a string", refText);
            }
            if (present(echo) && echo != JsonParser.Event.VALUE_TRUE && echo != JsonParser.Event.VALUE_FALSE) {
                return new Malformed(ErrorCode.INVALID_FIELD, "echo must be true or false", refText);
            }
            Data payload = data < 0 ? null : Data.json(text.substring(spans[2 * data + 1], spans[2 * data + 2]));
            return new Envelope(typeText, payload, refText, null, roomText, null, null, null,
                    echo == JsonParser.Event.VALUE_FALSE ? Boolean.FALSE : null);
        }

        private static boolean present(JsonParser.Event value) {
            return value != null && value != JsonParser.Event.VALUE_NULL;
        }
    }

    @Override
    public boolean willDecode(String text) {
        return true;
    }
}
