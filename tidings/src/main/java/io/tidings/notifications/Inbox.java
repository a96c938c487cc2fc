package io.tidings.notifications;

import io.tidings.broker.Broker;
import io.tidings.protocol.Data;
import io.tidings.protocol.Envelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.tidings.protocol.Json;

import java.util.List;

/**
 * A user's inbox as both transports see it: listing, the unread count, and marking read with read
 * sync (every socket and stream of the user but the one that asked is told).
 */
@ApplicationScoped
public class Inbox {

    @Inject
    NotificationStore store;

    @Inject
    Broker broker;

    /** The user's latest notifications, newest first, as a JSON array of objects. */
    public Data latest(String user, boolean unreadOnly, int limit) {
        return InboxItem.array(store.latest(user, unreadOnly, limit));
    }

    /**
     * The {@code notification} frames of the user's notifications after an inbox position (their
     * {@code seq}), oldest first, at most the newest {@code limit}.
     */
    public List<Envelope> after(String user, long position, int limit) {
        return store.after(user, position, limit).stream().map(item -> item.frame(null)).toList();
    }

    public long unread(String user) {
        return store.unread(user);
    }

    /**
     * Marks the given notifications read, or all of them when {@code ids} is null, tells the user's
     * other sockets and streams ({@code notification.read}) and returns the new unread count.
     */
    public long markRead(String user, List<String> ids, String excludedConnectionId) {
        store.markRead(user, ids);
        long unread = store.unread(user);
        var sync = Json.createObjectBuilder().add("unread", unread);
        if (ids == null) {
            sync.add("all", true);
        } else {
            sync.add("ids", Json.createArrayBuilder(ids));
        }
        broker.toUser(user, Envelope.of("notification.read", sync.build()), excludedConnectionId);
        return unread;
    }
}
