package io.tidings.history;

import io.tidings.protocol.Envelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Stored room messages on the container's default datasource. */
@ApplicationScoped
public class HistoryStore {

    @PersistenceContext(unitName = "tidings")
    EntityManager em;

    /** Stores a batch of room messages in one transaction. */
    @Transactional
    public void storeAll(List<Envelope> messages) {
        for (Envelope message : messages) {
            em.persist(StoredMessage.of(message));
        }
    }

    /** The highest stored sequence number of a room, 0 when it has none. */
    @Transactional // reads too: Payara closed the non-transactional EntityManager under load ("operation on a closed EntityManager")
    public long lastSeq(String room) {
        Long last = em.createQuery("select max(m.seq) from StoredMessage m where m.room = :room", Long.class)
                .setParameter("room", room).getSingleResult();
        return last == null ? 0 : last;
    }

    /** Up to {@code limit} messages of a room with a sequence number in {@code (after, upTo]}, oldest first. */
    @Transactional // reads too: Payara closed the non-transactional EntityManager under load ("operation on a closed EntityManager")
    public List<Envelope> range(String room, long after, long upTo, int limit) {
        return em.createQuery("select m from StoredMessage m where m.room = :room and m.seq > :after and m.seq <= :upTo"
                        + " order by m.seq", StoredMessage.class)
                .setParameter("room", room).setParameter("after", after).setParameter("upTo", upTo)
                .setMaxResults(limit).getResultStream().map(StoredMessage::toEnvelope).toList();
    }

    /** The last {@code count} messages of a room, oldest first. */
    @Transactional // reads too: Payara closed the non-transactional EntityManager under load ("operation on a closed EntityManager")
    public List<Envelope> latest(String room, int count) {
        List<Envelope> newestFirst = new ArrayList<>(em.createQuery(
                        "select m from StoredMessage m where m.room = :room order by m.seq desc", StoredMessage.class)
                .setParameter("room", room).setMaxResults(count).getResultStream().map(StoredMessage::toEnvelope).toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The last {@code count} messages of a room before sequence {@code before}, oldest first. */
    @Transactional // reads too: Payara closed the non-transactional EntityManager under load ("operation on a closed EntityManager")
    public List<Envelope> latestBefore(String room, long before, int count) {
        List<Envelope> newestFirst = new ArrayList<>(em.createQuery("select m from StoredMessage m where m.room = :room"
                        + " and m.seq < :before order by m.seq desc", StoredMessage.class)
                .setParameter("room", room).setParameter("before", before).setMaxResults(count).getResultStream()
                .map(StoredMessage::toEnvelope).toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
