package io.tidings.security;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.connections.Connection;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.ErrorCode;
import io.tidings.protocol.Frames;
import io.tidings.rooms.RoomName;
import io.tidings.rooms.RoomRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * Checks every {@code join} before the dispatcher: private rooms admit only their users, and a
 * connection may be in at most {@code tidings.limits.rooms-per-connection} rooms. Everything a
 * room sends goes to its members only, so refusing the join is what keeps a private room's
 * messages, presence and history from non-members.
 */
@ApplicationScoped
public class RoomAccess {

    private record Cached(List<String> config, RoomRules rules) {
    }

    @Inject
    Settings settings;

    @Inject
    RoomRegistry rooms;

    private volatile Cached cached;

    /** Whether the frame may go on to the dispatcher; when not, the client got an {@code error}. */
    public boolean permits(Connection connection, Envelope frame) {
        return refusal(connection, frame).map(error -> {
            connection.send(error.withRef(frame.ref()));
            return false;
        }).orElse(true);
    }

    /** Why the join must be refused, as the {@code error} frame to send; empty when it may pass. */
    public Optional<Envelope> refusal(Connection connection, Envelope frame) {
        String room = frame.room() != null ? frame.room() : connection.get(RoomName.DEFAULT_ROOM);
        if (!"join".equals(frame.type()) || !RoomName.isValid(room)) {
            return Optional.empty(); // not a join, or the join handler reports the bad name
        }
        if (!rules().allows(room, FrameGate.identity(connection))) {
            return Optional.of(Frames.error(ErrorCode.FORBIDDEN, "room '" + room + "' is private and you are not one of its members", null));
        }
        int limit = settings.integer(Setting.MAX_ROOMS_PER_CONNECTION);
        var joined = rooms.roomsOf(connection);
        if (!joined.contains(room) && joined.size() >= limit) {
            return Optional.of(Frames.error(ErrorCode.TOO_MANY_ROOMS, "a connection may be in at most " + limit
                    + " rooms; leave one first", null));
        }
        return Optional.empty();
    }

    /** Whether this identity may see and use the room (over HTTP and SSE as over a socket). */
    public boolean allows(String room, Identity identity) {
        return rules().allows(room, identity);
    }

    private RoomRules rules() {
        List<String> config = List.of(settings.string(Setting.ROOMS_PRIVATE), settings.string(Setting.ROOMS_ACCESS),
                settings.string(Setting.JWT_ROOMS_CLAIM));
        Cached current = cached;
        if (current == null || !current.config().equals(config)) {
            String access = config.get(1).isBlank() ? "" : Locations.read(config.get(1));
            current = new Cached(config, RoomRules.of(settings.list(Setting.ROOMS_PRIVATE), access, config.get(2)));
            cached = current;
        }
        return current.rules();
    }
}
