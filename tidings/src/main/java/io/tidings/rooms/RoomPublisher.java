package io.tidings.rooms;

import io.tidings.broker.Broker;
import io.tidings.history.HistoryWriter;
import io.tidings.lifecycle.Lifecycle;
import io.tidings.protocol.Data;
import io.tidings.protocol.Encoded;
import io.tidings.protocol.Envelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes a room message, whichever transport it came from: it gets an id, the sender, a
 * timestamp and the room's next sequence number, is stored, then broadcast to the members, then
 * the returned future completes with it. Completion therefore means "stored"; it runs on the
 * history writer's thread, after the broadcast.
 */
@ApplicationScoped
public class RoomPublisher {

    /** The history writer's queue is full; the caller should try again shortly. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many messages are waiting to be stored; send it again shortly");
        }
    }

    /** Storing the message failed; it was not broadcast. */
    public static final class NotStored extends RuntimeException {
        NotStored(String reason) {
            super(reason + "; send it again");
        }
    }

    @Inject
    RoomRegistry rooms;

    @Inject
    HistoryWriter writer;

    @Inject
    Broker broker;

    @Inject
    Lifecycle lifecycle;

    /**
     * Publishes {@code data} from {@code from} to a room; {@code excludedConnectionId} (may be null)
     * does not receive the broadcast. Throws {@link Busy} when the message cannot be queued; the
     * future fails with {@link NotStored} when it could not be stored.
     */
    public CompletableFuture<Envelope> publish(String name, String from, Data data, String excludedConnectionId) {
        Room room = rooms.room(RoomName.require(name));
        var result = new CompletableFuture<Envelope>();
        synchronized (room.numbering()) {
            if (room.retired()) {
                return publish(name, from, data, excludedConnectionId); // evicted meanwhile: look it up again
            }
            long seq = room.nextSeq();
            var message = new Envelope("message", data, null, UUID.randomUUID().toString(), name, from, seq,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
            if (!writer.submit(message, new Outcome(room, excludedConnectionId, result))) {
                room.stored(seq, null);
                throw new Busy();
            }
        }
        return result;
    }

    /** Runs on the history writer's thread once the message is stored (or could not be). */
    private final class Outcome implements HistoryWriter.Outcome {
        private final Room room;
        private final String excluded;
        private final CompletableFuture<Envelope> result;

        Outcome(Room room, String excluded, CompletableFuture<Envelope> result) {
            this.room = room;
            this.excluded = excluded;
            this.result = result;
        }

        @Override
        public void stored(Envelope message) {
            Encoded encoded = Encoded.of(message); // once: for every member, the window and catch-up
            synchronized (room) {
                room.stored(message.seq(), encoded);
                broker.toRoom(room.name(), encoded, excluded);
            }
            result.complete(message); // the ack
            lifecycle.received(message); // queued for the application's observers, off this thread
        }

        @Override
        public void failed(Envelope message, String reason) {
            room.stored(message.seq(), null);
            result.completeExceptionally(new NotStored(reason));
        }
    }
}
