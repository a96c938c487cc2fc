package io.tidings.rooms;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionRegistry;
import io.tidings.dispatch.FrameException;
import io.tidings.dispatch.FrameHandler;
import io.tidings.dispatch.FrameType;
import io.tidings.protocol.Data;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.ErrorCode;
import io.tidings.protocol.Json;
import io.tidings.users.UserRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;


/**
 * {@code join}: enters a room and replies with {@code joined}: the members, and either the latest
 * messages or, when the client says which sequence it saw last ({@code since}), exactly the
 * messages it missed, with {@code recovered:false} when the gap is larger than what is kept.
 */
@ApplicationScoped
@FrameType("join")
class JoinHandler implements FrameHandler {

    @Inject
    RoomRegistry rooms;

    @Inject
    Settings settings;

    @Inject
    Presence presence;

    @Inject
    UserRegistry users;

    @Inject
    ConnectionRegistry connections;

    @Override
    public void handle(Connection connection, Envelope frame) {
        String name = RoomName.of(connection, frame);
        JsonObject options = frame.dataObject();
        Long since = number(options, "since");
        Long history = number(options, "history");
        int historyOnJoin = settings.integer(Setting.ROOMS_HISTORY_ON_JOIN);
        int count = history == null ? historyOnJoin : (int) Math.min(history, historyOnJoin);
        if (!rooms.holds(name) && !RoomCreations.take(connection, settings.integer(Setting.ROOMS_LOADS_PER_MINUTE))) {
            throw new FrameException(ErrorCode.TOO_MANY_NEW_ROOMS, "this connection brought " + settings.integer(Setting.ROOMS_LOADS_PER_MINUTE)
                    + " rooms into use in the last minute (tidings.limits.new-rooms-per-minute); join rooms in use, or wait");
        }
        Room room;
        try {
            room = rooms.room(name);
        } catch (RoomRegistry.Full full) {
            throw new FrameException(ErrorCode.ROOMS_FULL, full.getMessage());
        }
        // Read before taking the room's monitor (it may read the database), made current under it:
        // the history writer, which delivers under the same monitor, never waits for a database read.
        RoomRegistry.CatchUp early = rooms.catchUp(room, since, count);
        RoomRegistry.Entry entry;
        synchronized (room) {
            if (room.retired()) {
                handle(connection, frame); // evicted between the lookup and the lock: look it up again
                return;
            }
            RoomRegistry.CatchUp catchUp = rooms.current(room, early, since, count)
                    .orElseGet(() -> rooms.catchUp(room, since, count)); // more stored meanwhile than the window holds
            entry = rooms.add(room, connection);
            long upTo = catchUp.upTo();
            var fields = Json.createObjectBuilder().add("members", members(room))
                    .add("memberCount", room.userCount());
            if (since != null) {
                fields.add("recovered", catchUp.complete());
            }
            // The messages go in as they were encoded for the room, not parsed and written again.
            Data data = Data.withArray(fields.build(), "messages", catchUp.page().texts());
            connection.send(new Envelope("joined", data, frame.ref(), null, name, null, upTo, null, null));
            if (entry.firstOfUser()) {
                presence.joined(room, connection.user(), connection.id());
            }
        }
        rooms.entered(name, connection, entry); // the application's observers, off the room's monitor
        // A join handled while the connection closed could come after its rooms were left: the
        // registry drops a connection before it announces the close, so this check sees it.
        if (connections.find(connection.id()).isEmpty()) {
            rooms.leave(connection, name);
        }
    }

    private JsonArrayBuilder members(Room room) {
        var members = Json.createArrayBuilder();
        for (String user : room.users(settings.integer(Setting.ROOMS_MEMBERS_ON_JOIN))) {
            members.add(Json.createObjectBuilder().add("user", user).add("name", users.nameOf(user)));
        }
        return members;
    }

    private static Long number(JsonObject options, String field) {
        JsonValue value = options.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0) {
            throw new FrameException(ErrorCode.INVALID_FIELD, "data." + field + " must be a whole number >= 0");
        }
        return n.longValue();
    }
}
