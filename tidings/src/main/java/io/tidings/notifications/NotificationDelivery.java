package io.tidings.notifications;

import io.tidings.api.Notification;
import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionChange;
import io.tidings.broker.Broker;
import io.tidings.history.Durability;
import io.tidings.protocol.Data;
import io.tidings.protocol.Envelope;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import io.tidings.protocol.Json;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Observes the {@link Notification}s application code fires. A notification to a user is stored
 * in the transaction it was fired in (so a rollback discards it) and delivered after the commit,
 * carrying its inbox position as {@code seq}; outside a transaction both happen at once. When a
 * user connects, what its clients have not confirmed yet is replayed, oldest first, followed by
 * the unread count.
 */
@ApplicationScoped
class NotificationDelivery {

    private static final Logger LOG = Logger.getLogger(NotificationDelivery.class.getName());

    @Inject
    NotificationStore store;

    @Inject
    Broker broker;

    @Inject
    Settings settings;

    @Inject
    Durability durability;

    /** Stored notifications whose transaction has not ended yet, by notification id. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** A notification's position in its user's inbox and its data as written for the store. */
    private record Pending(long position, Data data) {
    }

    void storeInTheFiringTransaction(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) Notification notification) {
        if (notification.audience() == Notification.Audience.USER) {
            Data data = InboxItem.data(notification);
            pending.put(notification.id(), new Pending(store.store(notification, data), data));
        }
    }

    void deliverAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.LIBRARY_AFTER)
                            Notification notification) {
        if (notification.audience() == Notification.Audience.USER) {
            try {
                durability.committed(); // on disk before anyone is told of it
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "notification " + notification.id() + " is committed but may not be on disk yet", e);
            }
        }
        deliver(notification);
    }

    /**
     * A rolled back notification is not stored and never delivered: forget its position. Without a
     * transaction every observer runs at once, so this one comes after the delivery.
     */
    void forgetAfterRollback(@Observes(during = TransactionPhase.AFTER_FAILURE) @Priority(Interceptor.Priority.LIBRARY_AFTER + 100)
                             Notification notification) {
        pending.remove(notification.id());
    }

    void storeAndDeliver(@ObservesAsync Notification notification) {
        storeInTheFiringTransaction(notification);
        deliver(notification);
    }

    private void deliver(Notification notification) {
        Pending stored = pending.remove(notification.id());
        InboxItem item = stored == null ? InboxItem.of(notification, InboxItem.data(notification), null)
                : InboxItem.of(notification, stored.data(), stored.position());
        switch (notification.audience()) {
            case USER -> broker.toUser(notification.target(), item.frame(null));
            case ROOM -> broker.toRoom(notification.target(), item.frame(notification.target()), false, null);
            case EVERYONE -> broker.toAll(item.frame(null));
        }
    }

    void replay(@Observes @ConnectionChange.Opened ConnectionChange change) {
        Connection connection = change.connection();
        for (InboxItem item : store.undelivered(connection.user(), settings.integer(Setting.NOTIFICATIONS_REPLAY_LIMIT))) {
            connection.send(item.frame(null));
        }
        connection.send(unread(store.unread(connection.user())));
    }

    static Envelope unread(long count) {
        return Envelope.of("notification.unread", Json.createObjectBuilder().add("count", count).build());
    }
}
