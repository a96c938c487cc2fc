package io.tidings.notifications;

import io.tidings.api.Notification;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.Instant;

/**
 * A notification as clients see it, and its {@code notification} frame. {@code seq} is its position
 * in the user's inbox (absent for room and everyone notifications, which are not stored).
 */
record InboxItem(String id, String type, String title, String body, JsonValue data, Instant createdAt, boolean read,
                 Long seq) {

    static InboxItem of(Notification notification, Long seq) {
        JsonValue data = notification.data() == null ? null : Json.parse(Json.jsonb().toJson(notification.data()));
        return new InboxItem(notification.id(), notification.type(), notification.title(), notification.body(), data,
                notification.createdAt(), false, seq);
    }

    JsonObjectBuilder json() {
        var json = Json.createObjectBuilder().add("id", id).add("type", type)
                .add("createdAt", createdAt.toString()).add("read", read);
        if (title != null) {
            json.add("title", title);
        }
        if (body != null) {
            json.add("body", body);
        }
        if (data != null) {
            json.add("data", data);
        }
        return json;
    }

    Envelope frame(String room) {
        return new Envelope("notification", json().build(), null, id, room, null, seq, createdAt, null);
    }
}
