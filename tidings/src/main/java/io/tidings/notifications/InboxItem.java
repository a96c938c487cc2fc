package io.tidings.notifications;

import io.tidings.api.Notification;
import io.tidings.protocol.Data;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.Json;

import java.time.Instant;
import java.util.List;

/**
 * A notification as clients see it, and its {@code notification} frame. {@code seq} is its position
 * in the user's inbox (absent for room and everyone notifications, which are not stored). Its
 * {@code data} is the application's value written once with JSON-B, then stored, sent and listed
 * as that text.
 */
record InboxItem(String id, String type, String title, String body, Data data, Instant createdAt, boolean read,
                 Long seq) {

    static InboxItem of(Notification notification, Data data, Long seq) {
        return new InboxItem(notification.id(), notification.type(), notification.title(), notification.body(), data,
                notification.createdAt(), false, seq);
    }

    /** The application's data of a notification as JSON text, written once with JSON-B; null when it has none. */
    static Data data(Notification notification) {
        return notification.data() == null ? null : Data.json(Json.jsonb().toJson(notification.data()));
    }

    Data json() {
        var json = Json.createObjectBuilder().add("id", id).add("type", type)
                .add("createdAt", createdAt.toString()).add("read", read);
        if (title != null) {
            json.add("title", title);
        }
        if (body != null) {
            json.add("body", body);
        }
        return Data.withMember(json.build(), "data", data);
    }

    /** Items as a JSON array. */
    static Data array(List<InboxItem> items) {
        return Data.array(items.stream().map(item -> item.json().json()).toList());
    }

    Envelope frame(String room) {
        return new Envelope("notification", json(), null, id, room, null, seq, createdAt, null);
    }
}
