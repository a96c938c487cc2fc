package io.tidings.rooms;

import io.tidings.connections.Connection;
import io.tidings.dispatch.FrameException;
import io.tidings.dispatch.FrameHandler;
import io.tidings.dispatch.FrameType;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.ErrorCode;
import io.tidings.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code message}: the member's message is published by {@link RoomPublisher} (numbered, stored,
 * broadcast to the members, the sender too unless {@code echo:false}), then acknowledged to the
 * sender. An {@code ack} therefore means "stored".
 */
@ApplicationScoped
@FrameType("message")
class RoomMessageHandler implements FrameHandler {

    @Inject
    RoomRegistry rooms;

    @Inject
    RoomPublisher publisher;

    @Override
    public void handle(Connection connection, Envelope frame) {
        String name = RoomName.of(connection, frame);
        Membership.require(rooms, connection, name);
        if (frame.data() == null) {
            throw new FrameException(ErrorCode.INVALID_FIELD, "a message needs \"data\", for example {\"text\":\"hello\"}");
        }
        String excluded = Boolean.FALSE.equals(frame.echo()) ? connection.id() : null;
        String ref = frame.ref();
        try {
            publisher.publish(name, connection.user(), frame.data(), excluded).whenComplete((message, failure) -> {
                if (failure != null) {
                    connection.send(Frames.error(ErrorCode.INTERNAL, failure.getMessage(), ref));
                } else if (ref != null) {
                    connection.send(new Envelope("ack", null, ref, message.id(), name, null, message.seq(), message.ts(), null));
                }
            });
        } catch (RoomPublisher.Busy busy) {
            throw new FrameException(ErrorCode.BUSY, busy.getMessage());
        }
    }
}
