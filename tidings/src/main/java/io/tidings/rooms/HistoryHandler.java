package io.tidings.rooms;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.connections.Connection;
import io.tidings.dispatch.FrameException;
import io.tidings.dispatch.FrameHandler;
import io.tidings.dispatch.FrameType;
import io.tidings.protocol.Data;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.ErrorCode;
import io.tidings.protocol.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;


/**
 * {@code history}: older messages of a room the connection is in, for "load earlier". The client
 * names the oldest sequence number it shows ({@code before}) and gets up to {@code limit} messages
 * just before it, oldest first, and whether there are more before those.
 */
@ApplicationScoped
@FrameType("history")
class HistoryHandler implements FrameHandler {

    static final int DEFAULT_LIMIT = 50;
    @Inject
    RoomRegistry rooms;

    @Inject
    Settings settings;

    @Override
    public void handle(Connection connection, Envelope frame) {
        String name = RoomName.of(connection, frame);
        Room room = Membership.require(rooms, connection, name);
        long before = number(frame.dataObject().get("before"), "before", 1, Long.MAX_VALUE, null);
        long max = settings.number(Setting.ROOMS_HISTORY_PAGE);
        int limit = (int) number(frame.dataObject().get("limit"), "limit", 1, max, Math.min(DEFAULT_LIMIT, max));
        long upTo = Math.min(before - 1, room.lastStored());
        long after = Math.max(0, upTo - limit);
        RoomRegistry.Page page = rooms.newestWithinBudget(rooms.messages(room, after, upTo, limit));
        var fields = Json.createObjectBuilder().add("more", after > 0 || page.trimmed()).build();
        Data data = Data.withArray(fields, "messages", page.texts());
        connection.send(new Envelope("history", data, frame.ref(), null, name, null, null, null, null));
    }

    /** A whole number in [min, max] from the frame's data; the default when absent (required when null). */
    private static long number(JsonValue value, String field, long min, long max, Long absent) {
        if ((value == null || value == JsonValue.NULL) && absent != null) {
            return absent;
        }
        if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < min || n.longValue() > max) {
            throw new FrameException(ErrorCode.INVALID_FIELD, "data." + field + " must be a whole number from " + min
                    + (max == Long.MAX_VALUE ? " up" : " to " + max) + (absent == null ? " (required)" : ""));
        }
        return n.longValue();
    }
}
