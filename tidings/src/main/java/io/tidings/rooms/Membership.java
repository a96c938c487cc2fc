package io.tidings.rooms;

import io.tidings.connections.Connection;
import io.tidings.dispatch.FrameException;
import io.tidings.protocol.ErrorCode;

/** The check every room frame but join makes: the connection must be in the room. */
final class Membership {

    private Membership() {
    }

    static Room require(RoomRegistry rooms, Connection connection, String name) {
        return rooms.find(name).filter(room -> room.isMember(connection))
                .orElseThrow(() -> new FrameException(ErrorCode.NOT_JOINED,
                        "you are not in room '" + name + "'; send {\"type\":\"join\",\"room\":\"" + name + "\"} first"));
    }
}
