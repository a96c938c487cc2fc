package io.tidings.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * A frame's payload: valid JSON, kept as the text it arrived or was written as, parsed at most once
 * and only when something reads into it. A room message's payload is opaque to Tidings: the text the
 * client sent is what is stored, broadcast and replayed, never parsed again. Payloads the server
 * builds start as a {@link JsonValue} and are written as text once, when the frame is encoded.
 */
public final class Data {

    // Each is computed at most once from the other; a race computes the same immutable value twice.
    private String json;
    private JsonValue value;

    private Data(String json, JsonValue value) {
        this.json = json;
        this.value = value;
    }

    /** A payload from JSON text that is known to be valid: checked by the decoder, or written by Tidings. */
    public static Data json(String validJson) {
        return validJson == null ? null : new Data(validJson, null);
    }

    /** A payload from a JSON value; null and JSON {@code null} are no payload. */
    public static Data of(JsonValue value) {
        return value == null || value == JsonValue.NULL ? null : new Data(null, value);
    }

    /** The JSON text, as it came or as written once. */
    public String json() {
        String text = json;
        if (text == null) {
            text = value.toString();
            json = text;
        }
        return text;
    }

    /** The JSON value, parsed once on first use. */
    public JsonValue value() {
        JsonValue parsed = value;
        if (parsed == null) {
            parsed = Json.parse(json);
            value = parsed;
        }
        return parsed;
    }

    /** The payload as an object, or an empty object when it is not one. */
    public JsonObject object() {
        return value() instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }

    /**
     * An object with the members of {@code fields} and one more, {@code name}, whose value is the
     * array of the given JSON texts: the texts are copied in, never parsed (messages in a reply).
     */
    public static Data withArray(JsonObject fields, String name, List<String> items) {
        StringBuilder text = member(fields, name, length(items));
        return new Data(appendArray(text, items).append('}').toString(), null);
    }

    /** An array of the given JSON texts, copied in, never parsed. */
    public static Data array(List<String> items) {
        return new Data(appendArray(new StringBuilder(length(items)), items).toString(), null);
    }

    private static int length(List<String> items) {
        int size = 4;
        for (String item : items) {
            size += item.length() + 1;
        }
        return size;
    }

    private static StringBuilder appendArray(StringBuilder text, List<String> items) {
        text.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(items.get(i));
        }
        return text.append(']');
    }

    /** An object with the members of {@code fields} and one more whose value is {@code data} (left out when null). */
    public static Data withMember(JsonObject fields, String name, Data data) {
        if (data == null) {
            return of(fields);
        }
        String raw = data.json();
        return new Data(member(fields, name, raw.length() + 1).append(raw).append('}').toString(), null);
    }

    /** The text of {@code fields} without its closing brace, then {@code "name":}. */
    private static StringBuilder member(JsonObject fields, String name, int extra) {
        String head = fields.toString();
        StringBuilder text = new StringBuilder(head.length() + name.length() + extra);
        text.append(head, 0, head.length() - 1);
        if (!fields.isEmpty()) {
            text.append(',');
        }
        Json.quote(text, name);
        return text.append(':');
    }

    @Override
    public String toString() {
        return json();
    }
}
