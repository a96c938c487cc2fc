package io.tidings.rooms;

import io.tidings.connections.Connection;
import io.tidings.dispatch.FrameException;
import io.tidings.dispatch.FrameHandler;
import io.tidings.dispatch.FrameType;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.ErrorCode;
import io.tidings.protocol.Frames;
import io.tidings.users.UserRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code rename}: changes the user's display name; every room the user is in gets a presence frame. */
@ApplicationScoped
@FrameType("rename")
class RenameHandler implements FrameHandler {

    /** Display names: 1 to 32 characters, no control characters. */
    static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}]{1,32}");

    @Inject
    UserRegistry users;

    @Inject
    RoomRegistry rooms;

    @Inject
    Presence presence;

    @Override
    public void handle(Connection connection, Envelope frame) {
        String name = frame.dataObject().get("name") instanceof JsonString s ? s.getString().strip() : null;
        if (name == null || !NAME.matcher(name).matches()) {
            throw new FrameException(ErrorCode.INVALID_FIELD, "data.name must be 1 to 32 characters without control characters");
        }
        users.rename(connection.user(), name);
        Set<String> roomsOfUser = new HashSet<>();
        users.connectionsOf(connection.user()).forEach(c -> roomsOfUser.addAll(rooms.roomsOf(c)));
        roomsOfUser.forEach(room -> presence.renamed(room, connection.user()));
        if (frame.ref() != null) {
            connection.send(Frames.ack(frame.ref()));
        }
    }
}
