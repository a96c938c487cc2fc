package io.tidings.rooms;

import io.tidings.connections.Connection;
import io.tidings.dispatch.FrameHandler;
import io.tidings.dispatch.FrameType;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code leave}: takes the connection out of a room. */
@ApplicationScoped
@FrameType("leave")
class LeaveHandler implements FrameHandler {

    @Inject
    RoomRegistry rooms;

    @Override
    public void handle(Connection connection, Envelope frame) {
        String name = RoomName.of(connection, frame);
        Membership.require(rooms, connection, name);
        rooms.leave(connection, name);
        if (frame.ref() != null) {
            connection.send(Frames.ack(frame.ref()).withRoom(name));
        }
    }
}
