package io.tidings.protocol;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import java.io.StringReader;
import java.util.Collection;
import java.util.Map;

/**
 * The one shared {@link Jsonb} (and JSON-P parser factory) of the application. {@code Jsonb} is thread-safe and expensive to
 * build, so every encoder, decoder and handler uses this instance.
 */
public final class Json {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    /**
     * One provider for every builder: {@code jakarta.json.Json.createObjectBuilder()} and friends look
     * the provider up with a {@code ServiceLoader} on each call, which on Payara scans every jar the
     * web application's class loader can see.
     */
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());

    private Json() {
    }

    /**
     * Parses one JSON value, strictly: trailing content after the value is an error (JSON-B's
     * {@code fromJson} would accept it). For JSON Tidings made itself or stored after
     * {@link #parse(String, int)} checked it: no guard pass.
     */
    public static JsonValue parse(String text) {
        return read(text);
    }

    /**
     * Parses client JSON: as {@link #parse(String)}, after {@link JsonGuard} checked its nesting
     * against {@code maxDepth} and its strings for lone surrogates ({@link JsonGuard.Refused}).
     */
    public static JsonValue parse(String text, int maxDepth) {
        JsonGuard.check(text, maxDepth);
        return read(text);
    }

    /** A streaming parser over {@code text}, for reading a frame without building its payload. */
    static JsonParser parser(String text) {
        return PARSERS.createParser(new StringReader(text));
    }

    private static JsonValue read(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new JsonException("empty frame");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new JsonException("unexpected content after the JSON value");
            }
            return value;
        }
    }

    /**
     * Appends {@code value} as a JSON string. Text that needs no escape (ids, names, types) is copied
     * as it is; anything else is written by the JSON-P provider.
     */
    public static StringBuilder quote(StringBuilder text, String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return text.append(PROVIDER.createValue(value).toString());
            }
        }
        return text.append('"').append(value).append('"');
    }

    public static Jsonb jsonb() {
        return JSONB;
    }

    /** As {@code jakarta.json.Json.createObjectBuilder()}, without the provider lookup. */
    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    /** As {@code jakarta.json.Json.createArrayBuilder()}, without the provider lookup. */
    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    /** As {@code jakarta.json.Json.createArrayBuilder(Collection)}, without the provider lookup. */
    public static JsonArrayBuilder createArrayBuilder(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    /** As {@code jakarta.json.Json.createValue(String)}, without the provider lookup. */
    public static JsonString createValue(String value) {
        return PROVIDER.createValue(value);
    }

    /** As {@code jakarta.json.Json.createValue(long)}, without the provider lookup. */
    public static JsonNumber createValue(long value) {
        return PROVIDER.createValue(value);
    }

    /** As {@code jakarta.json.Json.createValue(double)}, without the provider lookup. */
    public static JsonNumber createValue(double value) {
        return PROVIDER.createValue(value);
    }
}
