package io.tidings.rooms;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionChange;
import io.tidings.history.HistoryStore;
import io.tidings.lifecycle.Lifecycle;
import io.tidings.protocol.Envelope;
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
 * Every room this server knows, with its members. A room is loaded from the history store the
 * first time it is used and kept, so its sequence numbers never go back.
 */
@ApplicationScoped
public class RoomRegistry {

    /** Connection property: the names of the rooms the connection is in. */
    private static final String ROOMS = "tidings.rooms";

    private final ConcurrentMap<String, Room> rooms = new ConcurrentHashMap<>();

    @Inject
    HistoryStore store;

    @Inject
    Settings settings;

    @Inject
    Presence presence;

    @Inject
    Lifecycle lifecycle;

    /** The room, loaded from the store when this server has not used it yet. */
    Room room(String name) {
        Room room = rooms.get(name);
        if (room != null) {
            return room;
        }
        int window = settings.integer(Setting.ROOMS_WINDOW);
        Room loaded = new Room(name, store.lastSeq(name), store.latest(name, window), window);
        Room raced = rooms.putIfAbsent(name, loaded);
        return raced != null ? raced : loaded;
    }

    Optional<Room> find(String name) {
        return Optional.ofNullable(rooms.get(name));
    }

    /** Adds a connection to a room; true when it is the user's first socket there. */
    boolean add(Room room, Connection connection) {
        boolean wasMember = !roomsOf(connection).add(room.name());
        boolean first = room.add(connection);
        if (!wasMember) {
            lifecycle.joined(room.name(), connection);
        }
        return first;
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

    @SuppressWarnings("unchecked")
    public Set<String> roomsOf(Connection connection) {
        return (Set<String>) connection.properties().computeIfAbsent(ROOMS, k -> ConcurrentHashMap.newKeySet());
    }

    /** Hands encoded text to every member of a room (except one connection, when given). */
    public void deliver(String name, String text, boolean ephemeral, String excludedConnectionId) {
        Room room = rooms.get(name);
        if (room != null) {
            room.deliver(text, ephemeral, excludedConnectionId);
        }
    }

    public void deliverBinary(String name, ByteBuffer data, String excludedConnectionId) {
        Room room = rooms.get(name);
        if (room != null) {
            room.deliverBinary(data, excludedConnectionId);
        }
    }

    /** The users in a room, each once. */
    public Set<String> usersIn(String name) {
        Room room = rooms.get(name);
        return room == null ? Set.of() : room.users();
    }

    /** Messages of a room in {@code (after, upTo]}, from the recent window or else from the store. */
    List<Envelope> messages(Room room, long after, long upTo, int limit) {
        List<Envelope> recent = room.fromWindow(after, upTo);
        return recent != null ? recent : store.range(room.name(), after, upTo, limit);
    }

    public Set<String> names() {
        return Set.copyOf(rooms.keySet());
    }
}
