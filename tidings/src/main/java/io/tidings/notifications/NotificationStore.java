package io.tidings.notifications;

import io.tidings.api.Notification;
import io.tidings.protocol.Data;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Users' inboxes on the default datasource. Stores join the caller's transaction when there is one. */
@ApplicationScoped
class NotificationStore {

    @PersistenceContext(unitName = "tidings")
    EntityManager em;

    /** Stores a notification for its user, its data written as {@code data}, and returns its position in the user's inbox. */
    @Transactional
    public long store(Notification notification, Data data) {
        StoredNotification stored = StoredNotification.of(notification, data);
        em.persist(stored);
        if (stored.position() == null) {
            em.flush();
        }
        return stored.position();
    }

    /**
     * The user's notifications after the given position, oldest first, at most the newest
     * {@code limit} of them: what a resuming stream missed.
     */
    @Transactional
    public List<InboxItem> after(String user, long position, int limit) {
        var newestFirst = new java.util.ArrayList<>(em.createQuery("select n from StoredNotification n where n.user = :user"
                        + " and n.position > :position order by n.position desc", StoredNotification.class)
                .setParameter("user", user).setParameter("position", position).setMaxResults(limit)
                .getResultStream().map(StoredNotification::toItem).toList());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Notifications the user's clients have not confirmed yet, oldest first. */
    @Transactional
    public List<InboxItem> undelivered(String user, int limit) {
        return em.createQuery("select n from StoredNotification n where n.user = :user and n.deliveredAt is null"
                        + " order by n.position", StoredNotification.class)
                .setParameter("user", user).setMaxResults(limit).getResultStream().map(StoredNotification::toItem).toList();
    }

    /** The user's latest notifications, newest first. */
    @Transactional
    public List<InboxItem> latest(String user, boolean unreadOnly, int limit) {
        return em.createQuery("select n from StoredNotification n where n.user = :user"
                        + (unreadOnly ? " and n.readAt is null" : "") + " order by n.position desc", StoredNotification.class)
                .setParameter("user", user).setMaxResults(limit).getResultStream().map(StoredNotification::toItem).toList();
    }

    @Transactional
    public int markDelivered(String user, Collection<String> ids) {
        return ids.isEmpty() ? 0 : em.createQuery("update StoredNotification n set n.deliveredAt = :now"
                        + " where n.user = :user and n.notificationId in :ids and n.deliveredAt is null")
                .setParameter("now", Instant.now()).setParameter("user", user).setParameter("ids", ids).executeUpdate();
    }

    /** Marks the given notifications read (and so delivered), or all of the user's when {@code ids} is null. */
    @Transactional
    public int markRead(String user, Collection<String> ids) {
        if (ids != null && ids.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        // Two plain updates: EclipseLink binds a parameter inside COALESCE with the wrong type on H2.
        int read = update("update StoredNotification n set n.readAt = :now where n.user = :user and n.readAt is null", user, ids, now);
        update("update StoredNotification n set n.deliveredAt = :now where n.user = :user and n.deliveredAt is null", user, ids, now);
        return read;
    }

    private int update(String jpql, String user, Collection<String> ids, Instant now) {
        var query = em.createQuery(jpql + (ids == null ? "" : " and n.notificationId in :ids"))
                .setParameter("now", now).setParameter("user", user);
        if (ids != null) {
            query.setParameter("ids", ids);
        }
        return query.executeUpdate();
    }

    @Transactional
    public long unread(String user) {
        return em.createQuery("select count(n) from StoredNotification n where n.user = :user and n.readAt is null", Long.class)
                .setParameter("user", user).getSingleResult();
    }

    /** Deletes notifications created before the given instant; returns how many. */
    @Transactional
    public int purgeCreatedBefore(Instant cutoff) {
        return em.createQuery("delete from StoredNotification n where n.createdAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}
