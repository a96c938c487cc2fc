package io.tidings.protocol;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import java.io.StringReader;
import java.util.Map;

/**
 * The one shared {@link Jsonb} (and JSON-P parser factory) of the application. {@code Jsonb} is thread-safe and expensive to
 * build, so every encoder, decoder and handler uses this instance.
 */
public final class Json {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private static final JsonParserFactory PARSERS = jakarta.json.Json.createParserFactory(Map.of());

    private Json() {
    }

    /**
     * Parses one JSON value, strictly: trailing content after the value is an error (JSON-B's
     * {@code fromJson} would accept it).
     */
    public static JsonValue parse(String text) {
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

    public static Jsonb jsonb() {
        return JSONB;
    }
}
