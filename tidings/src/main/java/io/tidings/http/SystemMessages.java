package io.tidings.http;

import io.tidings.api.Notification;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Reads the body of a system message or notification: {@code {"type","title","body","data"}}. */
final class SystemMessages {

    static final String EXAMPLE = "{\"type\":\"maintenance\",\"title\":\"Restart at 22:00\",\"body\":\"Back in 5 minutes\"}";
    private static final java.util.regex.Pattern TYPE = java.util.regex.Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    /** Makes a notification for the audience from the type, title and body. */
    interface Audience {
        Notification to(String type, String title, String body);
    }

    private SystemMessages() {
    }

    static Notification read(String body, Audience audience) {
        JsonObject json = Bodies.object(body, EXAMPLE);
        String type = Bodies.string(json, "type", true);
        if (!TYPE.matcher(type).matches()) {
            throw ApiException.badRequest("invalid_field", "\"type\" must match " + TYPE.pattern() + ", for example \"order.shipped\"");
        }
        String title = Bodies.string(json, "title", false);
        String text = Bodies.string(json, "body", false);
        JsonValue data = json.get("data");
        Notification notification = audience.to(type, title, text);
        return data == null || data == JsonValue.NULL ? notification : notification.withData(data);
    }
}
