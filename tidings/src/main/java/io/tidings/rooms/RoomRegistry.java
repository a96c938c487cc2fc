package io.tidings.rooms;

import io.tidings.broker.RoomMembers;
import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.connections.Attribute;
import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionChange;
import io.tidings.connections.Recipient;
import io.tidings.history.HistoryStore;
import io.tidings.lifecycle.Lifecycle;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.Data;
import io.tidings.protocol.Encoded;
import io.tidings.protocol.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every room this server holds in memory, with its members. A room is loaded from the history
 * store when it is first used; an empty room leaves memory after {@code tidings.rooms.idle-seconds}
 * ({@link RoomEviction}) once none of its messages waits to be stored, so reloading it gives the
 * same sequence numbers. At most {@code tidings.rooms.max-in-memory} rooms are held.
 */
@ApplicationScoped
public class RoomRegistry implements RoomMembers {

    /** Connection property: the names of the rooms the connection is in. */
    private static final Attribute<Set<String>> ROOMS = Attribute.named("rooms");


    private final ConcurrentMap<String, Room> rooms = new ConcurrentHashMap<>();

    @Inject
    HistoryStore store;

    @Inject
    Settings settings;

    @Inject
    Presence presence;

    @Inject
    Lifecycle lifecycle;

    /** There is no room for another room: {@code tidings.rooms.max-in-memory} are held and none is empty. */
    public static final class Full extends RuntimeException {
        Full(int max) {
            super("the server holds its maximum of " + max + " rooms (tidings.rooms.max-in-memory) and none is empty; try again later",
                    null, false, false);
        }
    }

    /**
     * The room, loaded from the store when this server does not hold it. A caller that locks it must
     * check {@link Room#retired()} under the lock and look it up again when it was retired.
     */
    Room room(String name) {
        Room room = rooms.get(name);
        if (room != null) {
            return room;
        }
        int max = settings.integer(Setting.ROOMS_MAX_IN_MEMORY);
        if (rooms.size() >= max) {
            evictIdleSince(System.nanoTime()); // every empty room with nothing waiting to be stored
            if (rooms.size() >= max) {
                throw new Full(max);
            }
        }
        int window = settings.integer(Setting.ROOMS_WINDOW);
        Room loaded = new Room(name, store.lastSeq(name), encoded(store.latest(name, window)), window);
        Room raced = rooms.putIfAbsent(name, loaded);
        return raced != null ? raced : loaded;
    }

    /** Whether this server holds the room in memory now. */
    boolean holds(String name) {
        return rooms.containsKey(name);
    }

    /** Takes every empty room idle since {@code idleSinceNanos} or before out of memory; returns how many. */
    int evictIdleSince(long idleSinceNanos) {
        int evicted = 0;
        for (Room room : rooms.values()) {
            if (room.retireIfIdleSince(idleSinceNanos) && rooms.remove(room.name(), room)) {
                evicted++;
            }
        }
        return evicted;
    }

    /** The rooms in use on this server. */
    java.util.Collection<Room> all() {
        return List.copyOf(rooms.values());
    }

    Optional<Room> find(String name) {
        return Optional.ofNullable(rooms.get(name));
    }

    /** What adding a connection to a room changed. */
    record Entry(boolean firstOfUser, boolean newForConnection) {
    }

    /**
     * Adds a connection to a room. Call with the room's monitor held; tell the application with
     * {@link #entered} once the monitor is released.
     */
    Entry add(Room room, Connection connection) {
        boolean newForConnection = roomsOf(connection).add(room.name());
        return new Entry(room.add(connection), newForConnection);
    }

    /** Tells the application's observers that a connection entered a room (off the room's monitor). */
    void entered(String room, Connection connection, Entry entry) {
        if (entry.newForConnection()) {
            lifecycle.joined(room, connection);
        }
    }

    /** Takes a connection out of a room and tells the others when the user's last socket left. */
    public boolean leave(Connection connection, String name) {
        Room room = rooms.get(name);
        if (room == null || !room.isMember(connection)) {
            return false;
        }
        roomsOf(connection).remove(name);
        synchronized (room) {
            if (room.remove(connection)) {
                presence.left(room, connection.user());
            }
        }
        lifecycle.left(name, connection);
        return true;
    }

    void closed(@Observes @ConnectionChange.Closed ConnectionChange event) {
        for (String name : Set.copyOf(roomsOf(event.connection()))) {
            leave(event.connection(), name);
        }
    }

    public Set<String> roomsOf(Connection connection) {
        return connection.computeIfAbsent(ROOMS, ConcurrentHashMap::newKeySet);
    }

    /** Hands an encoded frame to every member of a room (except one connection, when given). */
    @Override
    public void deliver(String name, Encoded frame, String excludedConnectionId) {
        Room room = rooms.get(name);
        if (room != null) {
            room.deliver(frame, excludedConnectionId);
        }
    }

    @Override
    public void deliverBinary(String name, ByteBuffer data, String excludedConnectionId) {
        Room room = rooms.get(name);
        if (room != null) {
            room.deliverBinary(data, excludedConnectionId);
        }
    }

    /**
     * What a member entering a room gets: the latest {@code count} messages, or, when it says which
     * sequence it saw last ({@code since}), exactly the messages it missed, unless the gap is larger
     * than the recovery limit. Up to the last message stored when it is called: with the room's
     * monitor held it is current; without (it may read the database), make it current with
     * {@link #current} under the monitor.
     */
    CatchUp catchUp(Room room, Long since, int count) {
        long upTo = room.lastStored();
        if (since == null) {
            return new CatchUp(newestWithinBudget(messages(room, Math.max(0, upTo - count), upTo, count)), true, upTo);
        }
        boolean complete = since <= upTo && upTo - since <= settings.integer(Setting.ROOMS_RECOVERY_LIMIT);
        List<Encoded> missed = complete ? messages(room, since, upTo, (int) (upTo - since))
                : messages(room, Math.max(0, upTo - count), upTo, count);
        Page page = newestWithinBudget(missed);
        // What did not fit is paged with history (before the oldest message given), as after a bigger gap.
        return new CatchUp(page, complete && !page.trimmed(), upTo);
    }

    /**
     * A catch-up read without the room's monitor, made current under it: what was stored since
     * comes from the recent window (memory only), so no database read happens under the monitor.
     * Empty when the window no longer holds all of it; read again under the monitor then.
     */
    Optional<CatchUp> current(Room room, CatchUp early, Long since, int count) {
        long upTo = room.lastStored();
        if (upTo == early.upTo()) {
            return Optional.of(early);
        }
        List<Encoded> newer = room.fromWindow(early.upTo(), upTo);
        if (newer == null) {
            return Optional.empty();
        }
        List<Encoded> merged = new java.util.ArrayList<>(early.page().messages());
        merged.addAll(newer);
        int limit = settings.integer(Setting.ROOMS_RECOVERY_LIMIT);
        // Whether the gap the client asked about is small enough to close, as catchUp decides it.
        boolean gap = since != null && since <= early.upTo() && early.upTo() - since <= limit && upTo - since <= limit;
        if (!gap) {
            merged = merged.subList(Math.max(0, merged.size() - count), merged.size()); // the latest count
        }
        Page page = newestWithinBudget(merged);
        return Optional.of(new CatchUp(page, since == null || gap && !page.trimmed(), upTo));
    }

    /** The most bytes of messages one reply may hold: {@code tidings.rooms.reply-bytes}, at most half the outbound bound. */
    long replyBudget() {
        return Math.min(settings.number(Setting.ROOMS_REPLY_BYTES), settings.number(Setting.OUTBOUND_MAX_BYTES) / 2);
    }

    /**
     * The newest of {@code oldestFirst} whose encoded size fits {@link #replyBudget()} (at least one,
     * as one message is never larger than the frame limit), oldest first.
     */
    Page newestWithinBudget(List<Encoded> oldestFirst) {
        long budget = replyBudget();
        long used = 0;
        int first = oldestFirst.size();
        while (first > 0) {
            long bytes = 2L * oldestFirst.get(first - 1).text().length(); // as the outbound queue counts
            if (used + bytes > budget && first < oldestFirst.size()) {
                break;
            }
            used += bytes;
            first--;
        }
        return new Page(oldestFirst.subList(first, oldestFirst.size()), first > 0);
    }

    /** Messages, oldest first, and whether older ones were left out for size. */
    record Page(List<Encoded> messages, boolean trimmed) {

        /** The messages' texts, for a reply that carries them as they were encoded. */
        List<String> texts() {
            return messages.stream().map(Encoded::text).toList();
        }
    }

    /**
     * Adds a listener (an SSE stream) to a room after handing it a {@code joined} frame and what it
     * missed since {@code since}, under the room's monitor: it sees every later message once, in order.
     */
    public void listen(String name, Recipient listener, Long since) {
        Room room = room(name);
        synchronized (room) {
            if (room.retired()) {
                listen(name, listener, since); // evicted meanwhile: the next lookup loads it again
                return;
            }
            CatchUp catchUp = catchUp(room, since, settings.integer(Setting.ROOMS_HISTORY_ON_JOIN));
            var data = Json.createObjectBuilder().add("lastSeq", catchUp.upTo());
            if (since != null) {
                data.add("recovered", catchUp.complete());
            }
            Envelope joined = new Envelope("joined", Data.of(data.build()), null, null, name, null, catchUp.upTo(), null, null);
            listener.deliver(Encoded.of(joined));
            catchUp.page().messages().forEach(listener::deliver);
            room.add(listener);
        }
    }

    public void unlisten(String name, Recipient listener) {
        find(name).ifPresent(room -> room.remove(listener));
    }

    /** Messages of a room in {@code (after, upTo]}, from the recent window or else from the store. */
    List<Encoded> messages(Room room, long after, long upTo, int limit) {
        List<Encoded> recent = room.fromWindow(after, upTo);
        return recent != null ? recent : encoded(store.range(room.name(), after, upTo, limit));
    }

    /** Stored messages encoded, once each: their payloads are copied in as stored, not parsed. */
    private static List<Encoded> encoded(List<Envelope> stored) {
        return stored.stream().map(Encoded::of).toList();
    }

    /** How many rooms this server knows, without copying their names. */
    public int count() {
        return rooms.size();
    }

    /** The messages a member entering a room gets, whether they close the gap it asked about, and the last sequence. */
    record CatchUp(Page page, boolean complete, long upTo) {
    }
}
