package io.tidings.rooms;

import io.tidings.connections.Attribute;
import io.tidings.connections.Connection;
import io.tidings.dispatch.FrameException;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.ErrorCode;

import java.util.regex.Pattern;

/** Room name rules, and which room a frame addresses. */
public final class RoomName {

    /** Room names: lower-case letters, digits, dot, dash, underscore; 1 to 64 characters, starting with a letter or digit. */
    public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Set on connections opened on {@code /ws/rooms/{room}}: frames without a room address that room. */
    public static final Attribute<String> DEFAULT_ROOM = Attribute.named("default room");

    private RoomName() {
    }

    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }

    public static String require(String name) {
        if (!isValid(name)) {
            throw new FrameException(ErrorCode.INVALID_ROOM, "room name must match " + PATTERN.pattern()
                    + (name == null ? "" : ", not '" + abbreviate(name) + "'"));
        }
        return name;
    }

    /** The frame's room, or the connection's default room; validated. */
    static String of(Connection connection, Envelope frame) {
        String name = frame.room() != null ? frame.room() : connection.get(DEFAULT_ROOM);
        if (name == null) {
            throw new FrameException(ErrorCode.INVALID_ROOM, "this frame needs a \"room\" field");
        }
        return require(name);
    }

    private static String abbreviate(String name) {
        return name.length() > 80 ? name.substring(0, 80) + "..." : name;
    }
}
