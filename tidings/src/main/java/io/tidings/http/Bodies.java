package io.tidings.http;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.protocol.Json;
import io.tidings.protocol.JsonGuard;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Reads request bodies. Bodies arrive as text and are parsed here, so that a bad body gets the
 * same clear 400 on RESTEasy (WildFly) and Jersey (Payara), whose JSON providers fail differently.
 */
final class Bodies {

    /** Read when a body is parsed, as every setting is. */
    private static final Settings SETTINGS = new Settings();

    private Bodies() {
    }

    static JsonObject object(String body, String example) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("invalid_body", "the request needs a JSON object body, for example " + example);
        }
        JsonValue value;
        try {
            value = Json.parse(body, SETTINGS.integer(Setting.JSON_DEPTH));
        } catch (JsonGuard.Refused e) {
            throw ApiException.badRequest(e.code().wire(), "the body is refused: " + e.getMessage() + "; for example " + example);
        } catch (RuntimeException e) {
            // JsonException, and whatever else a parser throws on input it cannot read
            throw ApiException.badRequest("invalid_json", "the body is not valid JSON (" + e.getMessage() + "); for example " + example);
        }
        if (!(value instanceof JsonObject object)) {
            throw ApiException.badRequest("invalid_body", "the body must be a JSON object, for example " + example);
        }
        return object;
    }

    /** A string field; null when absent and not required. */
    static String string(JsonObject body, String field, boolean required) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw ApiException.badRequest("invalid_field", "\"" + field + "\" is required and must be a string");
            }
            return null;
        }
        if (!(value instanceof JsonString s) || s.getString().isBlank()) {
            throw ApiException.badRequest("invalid_field", "\"" + field + "\" must be a non-empty string");
        }
        return s.getString();
    }

    /** A whole-number query parameter in {@code [min, max]}; {@code fallback} when absent. */
    static long number(String value, String name, long min, long max, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("invalid_parameter", name + " must be a whole number from " + min + " to " + max
                + ", not '" + value + "'");
    }
}
