package io.tidings.rooms;

import io.tidings.connections.Connection;
import io.tidings.dispatch.BinaryHandler;
import io.tidings.dispatch.FrameException;
import io.tidings.broker.Broker;
import io.tidings.protocol.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Binary frames carry their room in a header: one byte with the length n of the room name,
 * n bytes of the name (UTF-8), then the payload. Members receive one byte with the room name's
 * length, the room name, one byte with the sender's length, the sender (UTF-8), then the payload.
 * Binary frames are relayed to the other members and not stored.
 */
@ApplicationScoped
class BinaryRelay implements BinaryHandler {

    @Inject
    RoomRegistry rooms;

    @Inject
    Broker broker;

    @Override
    public void handle(Connection connection, ByteBuffer frame) {
        int length = frame.remaining() > 0 ? Byte.toUnsignedInt(frame.get(frame.position())) : 0;
        if (length == 0 || frame.remaining() < 1 + length) {
            throw new FrameException(ErrorCode.INVALID_FIELD,
                    "a binary frame starts with one byte n, then n bytes of the room name, then the payload");
        }
        byte[] roomBytes = new byte[length];
        frame.get(frame.position() + 1, roomBytes);
        String room = RoomName.require(new String(roomBytes, StandardCharsets.UTF_8));
        Membership.require(rooms, connection, room);
        byte[] sender = connection.user().getBytes(StandardCharsets.UTF_8);
        if (sender.length > 255) {
            throw new FrameException(ErrorCode.UNSUPPORTED_FRAME, "binary frames need a user name of at most 255 bytes");
        }
        ByteBuffer payload = frame.duplicate().position(frame.position() + 1 + length);
        ByteBuffer out = ByteBuffer.allocate(2 + roomBytes.length + sender.length + payload.remaining())
                .put((byte) roomBytes.length).put(roomBytes).put((byte) sender.length).put(sender).put(payload).flip();
        broker.toRoomBinary(room, out, connection.id());
    }
}
