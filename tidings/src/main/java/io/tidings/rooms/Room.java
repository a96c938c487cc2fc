package io.tidings.rooms;

import io.tidings.connections.Recipient;
import io.tidings.protocol.Encoded;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One room's state: its members (WebSocket connections and SSE streams), how many each user has in it, the sequence numbers
 * assigned and stored, and a window of the most recent stored messages.
 * <p>
 * Everything but the sequence counter (see {@link #numbering()}) is guarded by the room's monitor. Deliveries happen while it is held, so a member
 * sees the join reply before any message stored after it, and messages in sequence order.
 */
final class Room {

    private final String name;
    private final Map<String, Recipient> members = new LinkedHashMap<>();
    /**
     * The members again, as an array in joining order: a broadcast walks it instead of the map,
     * which costs far less per member in a room of thousands. A join or leave drops it; the next
     * broadcast builds it again.
     */
    private Recipient[] recipients;
    /** Guards {@link #assigned} alone, so numbering a message never waits for a broadcast in progress. */
    private final Object numbering = new Object();
    private final Map<String, Integer> socketsPerUser = new LinkedHashMap<>();
    private final ArrayDeque<Encoded> window = new ArrayDeque<>();
    private final int windowSize;
    private long assigned;
    private long stored;
    /** When the room last became empty or stored a message ({@link System#nanoTime()}). */
    private long idleSince = System.nanoTime();
    /** Taken out of the registry: whoever still holds it must look the room up again. */
    private boolean retired;

    Room(String name, long lastStored, List<Encoded> recent, int windowSize) {
        this.name = name;
        this.assigned = lastStored;
        this.stored = lastStored;
        this.windowSize = windowSize;
        recent.forEach(this::remember);
    }

    String name() {
        return name;
    }

    /** Adds a member; true when it is the user's first socket in the room. */
    synchronized boolean add(Recipient connection) {
        if (members.putIfAbsent(connection.id(), connection) != null) {
            return false;
        }
        recipients = null;
        return socketsPerUser.merge(connection.user(), 1, Integer::sum) == 1;
    }

    /** Removes a member; true when it was the user's last socket in the room. */
    synchronized boolean remove(Recipient connection) {
        if (members.remove(connection.id()) == null) {
            return false;
        }
        recipients = null;
        if (members.isEmpty()) {
            idleSince = System.nanoTime();
        }
        int left = socketsPerUser.merge(connection.user(), -1, Integer::sum);
        if (left == 0) {
            socketsPerUser.remove(connection.user());
            return true;
        }
        return false;
    }

    synchronized boolean isMember(Recipient connection) {
        return members.containsKey(connection.id());
    }

    /** Whether the room was taken out of the registry; a holder then looks it up again. */
    synchronized boolean retired() {
        return retired;
    }

    /**
     * Retires the room when it has no members, was idle since {@code idleSince} or before, and no
     * message of it is waiting to be stored (so reloading it from the store gives the same numbers).
     * Takes the numbering lock, then the monitor, in the order publishers do.
     */
    boolean retireIfIdleSince(long idleSinceNanos) {
        synchronized (numbering) {
            synchronized (this) {
                if (retired || !members.isEmpty() || assigned != stored || idleSince - idleSinceNanos > 0) {
                    return false;
                }
                retired = true;
                return true;
            }
        }
    }

    synchronized boolean isEmpty() {
        return members.isEmpty();
    }

    /** The first {@code limit} users in joining order. */
    synchronized List<String> users(int limit) {
        return socketsPerUser.keySet().stream().limit(limit).toList();
    }

    synchronized int userCount() {
        return socketsPerUser.size();
    }

    /** The members (sockets and streams) of each user. */
    synchronized Map<String, Integer> membersPerUser() {
        return Map.copyOf(socketsPerUser);
    }

    synchronized int size() {
        return members.size();
    }

    /**
     * The lock a publisher holds while it takes the next sequence number and queues the message for
     * storing, so that messages are stored in sequence order. It is not the room's monitor, which a
     * broadcast holds while it hands a message to every member.
     */
    Object numbering() {
        return numbering;
    }

    /** The next sequence number for a message that is about to be stored. */
    long nextSeq() {
        synchronized (numbering) {
            return ++assigned;
        }
    }

    synchronized long lastStored() {
        return stored;
    }

    /** Records a stored message (or a sequence number whose store failed, with {@code null}). */
    synchronized void stored(long seq, Encoded message) {
        stored = Math.max(stored, seq);
        idleSince = System.nanoTime();
        if (message != null) {
            remember(message);
        }
    }

    private void remember(Encoded message) {
        window.addLast(message);
        while (window.size() > windowSize) {
            window.removeFirst();
        }
    }

    /** Messages in {@code (after, upTo]} from the window, or null when the window does not reach back that far. */
    synchronized List<Encoded> fromWindow(long after, long upTo) {
        if (after >= upTo) {
            return List.of();
        }
        if (window.isEmpty() || window.peekFirst().frame().seq() > after + 1) {
            return null;
        }
        List<Encoded> found = new ArrayList<>();
        for (Encoded message : window) {
            long seq = message.frame().seq();
            if (seq > after && seq <= upTo) {
                found.add(message);
            }
        }
        return found;
    }

    private Recipient[] recipients() {
        if (recipients == null) {
            recipients = members.values().toArray(Recipient[]::new);
        }
        return recipients;
    }

    /** Hands an encoded frame to every member except {@code excludedConnectionId} (may be null). */
    synchronized void deliver(Encoded frame, String excludedConnectionId) {
        for (Recipient member : recipients()) {
            if (!member.id().equals(excludedConnectionId)) {
                member.deliver(frame);
            }
        }
    }

    synchronized void deliverBinary(ByteBuffer data, String excludedConnectionId) {
        for (Recipient member : recipients()) {
            if (!member.id().equals(excludedConnectionId)) {
                member.deliverBinary(data);
            }
        }
    }
}
