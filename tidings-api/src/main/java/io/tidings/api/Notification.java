package io.tidings.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A notification, fired by application code as a CDI event:
 * <pre>{@code
 * @Inject Event<Notification> notifications;
 * notifications.fire(Notification.toUser("ada", "order.shipped", "Your order shipped", "Arrives Tuesday")
 *         .withData(order));
 * }</pre>
 * Notifications to a user are stored and reach every open socket of the user, or all of them when
 * the user next connects. Notifications to a room or to everyone are live only. With
 * {@code fire} inside a JTA transaction, delivery waits for the commit and a rollback discards
 * the notification; {@code fireAsync} stores and delivers at once on another thread.
 *
 * @param audience  who receives it
 * @param target    the user or room name; null for everyone
 * @param type      the application's kind of notification, e.g. {@code order.shipped}
 * @param title     a short title, may be null
 * @param body      the text, may be null
 * @param data      any JSON-B serialisable value, may be null
 * @param id        unique id, generated
 * @param createdAt when it was created, to the millisecond (as it is stored)
 */
public record Notification(Audience audience, String target, String type, String title, String body, Object data,
                           String id, Instant createdAt) {

    /** Who a notification is for. */
    public enum Audience { USER, ROOM, EVERYONE }

    public Notification {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(type, "type");
        if (audience != Audience.EVERYONE && (target == null || target.isBlank())) {
            throw new IllegalArgumentException("a notification to a " + audience.name().toLowerCase() + " needs its name");
        }
        id = id != null ? id : UUID.randomUUID().toString();
        createdAt = (createdAt != null ? createdAt : Instant.now()).truncatedTo(ChronoUnit.MILLIS);
    }

    public static Notification toUser(String user, String type, String title, String body) {
        return new Notification(Audience.USER, user, type, title, body, null, null, null);
    }

    public static Notification toRoom(String room, String type, String title, String body) {
        return new Notification(Audience.ROOM, room, type, title, body, null, null, null);
    }

    public static Notification toEveryone(String type, String title, String body) {
        return new Notification(Audience.EVERYONE, null, type, title, body, null, null, null);
    }

    /** The same notification carrying arbitrary data (serialised with JSON-B). */
    public Notification withData(Object newData) {
        return new Notification(audience, target, type, title, body, newData, id, createdAt);
    }
}
