package io.tidings.history;

import io.tidings.protocol.Envelope;
import io.tidings.protocol.Data;
import io.tidings.schema.InstantMillis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One room message as stored. Its key is the room and its sequence number in that room. */
@Entity
@Table(name = "TIDINGS_ROOM_MESSAGE")
@IdClass(StoredMessage.Key.class)
public class StoredMessage {

    @Id
    @Column(name = "ROOM_NAME", length = 64)
    private String room;

    @Id
    @Column(name = "SEQ_NO")
    private long seq;

    @Column(name = "MESSAGE_ID", length = 36, nullable = false, unique = true)
    private String messageId;

    @Column(name = "SENDER", length = 128, nullable = false)
    private String sender;

    @Convert(converter = InstantMillis.class)
    @Column(name = "SENT_AT", nullable = false)
    private Instant sentAt;

    @Column(name = "BODY")
    private String body;

    protected StoredMessage() {
    }

    static StoredMessage of(Envelope message) {
        var stored = new StoredMessage();
        stored.room = message.room();
        stored.seq = message.seq();
        stored.messageId = message.id();
        stored.sender = message.from();
        stored.sentAt = message.ts();
        stored.body = message.data() == null ? null : message.data().json(); // the text the sender sent
        return stored;
    }

    Envelope toEnvelope() {
        return new Envelope("message", Data.json(body), null, messageId, room, sender, seq, sentAt, null);
    }

    /** The composite key: room and sequence number. */
    public static class Key implements Serializable {
        private String room;
        private long seq;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && seq == key.seq && Objects.equals(room, key.room);
        }

        @Override
        public int hashCode() {
            return Objects.hash(room, seq);
        }
    }
}
