package io.tidings.rooms;

import io.tidings.history.HistoryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What operators see of rooms (the HTTP API): which exist, how many members, how far their history goes. */
@ApplicationScoped
public class RoomDirectory {

    @Inject
    RoomRegistry rooms;

    @Inject
    HistoryStore store;

    /** Whether the room is in use on this server or has stored messages. */
    public boolean exists(String name) {
        return rooms.find(name).isPresent() || store.lastSeq(name) > 0;
    }

    /** The room's name, member count and last stored sequence; empty when the room does not exist. */
    public Optional<RoomSummary> summary(String name) {
        // Read without loading the room into memory: a GET never brings a room into use.
        Optional<RoomSummary> held = rooms.find(name).map(RoomDirectory::summarise);
        if (held.isPresent()) {
            return held;
        }
        long lastSeq = store.lastSeq(name);
        return lastSeq > 0 ? Optional.of(new RoomSummary(name, 0, lastSeq)) : Optional.empty();
    }

    public List<RoomSummary> summaries() {
        return rooms.all().stream().map(RoomDirectory::summarise).sorted(Comparator.comparing(RoomSummary::name)).toList();
    }

    /** Each user in the room with how many sockets and streams it has there. */
    public Map<String, Integer> members(String name) {
        return rooms.find(name).map(Room::membersPerUser).orElse(Map.of());
    }

    private static RoomSummary summarise(Room room) {
        return new RoomSummary(room.name(), room.size(), room.lastStored());
    }
}
