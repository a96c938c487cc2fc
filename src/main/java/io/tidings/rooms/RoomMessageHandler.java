package io.tidings.rooms;

import io.tidings.connections.Connection;
import io.tidings.dispatch.FrameException;
import io.tidings.dispatch.FrameHandler;
import io.tidings.dispatch.FrameType;
import io.tidings.fanout.FanOut;
import io.tidings.history.HistoryWriter;
import io.tidings.lifecycle.Lifecycle;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.ErrorCode;
import io.tidings.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code message}: a room message gets an id, the sender, a timestamp and the room's next sequence
 * number; it is stored, then broadcast to the members (the sender too unless {@code echo:false}),
 * then acknowledged to the sender. An {@code ack} therefore means "stored".
 */
@ApplicationScoped
@FrameType("message")
class RoomMessageHandler implements FrameHandler {

    @Inject
    RoomRegistry rooms;

    @Inject
    HistoryWriter writer;

    @Inject
    FanOut fanOut;

    @Inject
    Lifecycle lifecycle;

    @Override
    public void handle(Connection connection, Envelope frame) {
        String name = RoomName.of(connection, frame);
        Room room = Membership.require(rooms, connection, name);
        if (frame.data() == null) {
            throw new FrameException(ErrorCode.INVALID_FIELD, "a message needs \"data\", for example {\"text\":\"hello\"}");
        }
        String excluded = Boolean.FALSE.equals(frame.echo()) ? connection.id() : null;
        synchronized (room) {
            long seq = room.nextSeq();
            var message = new Envelope("message", frame.data(), null, UUID.randomUUID().toString(), name,
                    connection.user(), seq, Instant.now(), null);
            if (!writer.submit(message, new Outcome(room, connection, frame.ref(), excluded))) {
                room.stored(seq, null);
                throw new FrameException(ErrorCode.BUSY, "too many messages are waiting to be stored; send it again shortly");
            }
        }
    }

    /** Runs on the history writer's thread once the message is stored (or could not be). */
    private final class Outcome implements HistoryWriter.Outcome {
        private final Room room;
        private final Connection sender;
        private final String ref;
        private final String excluded;

        Outcome(Room room, Connection sender, String ref, String excluded) {
            this.room = room;
            this.sender = sender;
            this.ref = ref;
            this.excluded = excluded;
        }

        @Override
        public void stored(Envelope message) {
            synchronized (room) {
                room.stored(message.seq(), message);
                fanOut.toRoom(room.name(), message, false, excluded);
            }
            lifecycle.received(message);
            if (ref != null) {
                sender.send(new Envelope("ack", null, ref, message.id(), room.name(), null, message.seq(), message.ts(), null));
            }
        }

        @Override
        public void failed(Envelope message, String reason) {
            room.stored(message.seq(), null);
            sender.send(Frames.error(ErrorCode.INTERNAL, reason + "; send it again", ref));
        }
    }
}
