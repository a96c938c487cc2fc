package io.tidings.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;

/**
 * One frame of the Tidings protocol, in either direction.
 * <p>
 * Clients set {@code type}, {@code data} and optionally {@code ref} (and {@code room} for room
 * frames); the server adds {@code id}, {@code from}, {@code seq} and {@code ts} where they apply.
 * Absent fields are left out of the JSON, and the fields are written in the order of this record
 * ({@link EnvelopeEncoder}, {@code data} last).
 *
 * @param type what the frame is ({@code welcome}, {@code ping}, {@code ack}, ...)
 * @param data the payload, any JSON value, kept as text until something reads into it
 * @param ref  client-chosen correlation id, echoed in the reply to the frame that carried it
 * @param id   server-assigned message id
 * @param room the room the frame belongs to
 * @param from the sender's user name
 * @param seq  per-room sequence number
 * @param ts   server timestamp
 * @param echo client option on {@code message}: {@code false} to not receive one's own message
 */
public record Envelope(String type, Data data, String ref, String id, String room, String from,
                       Long seq, Instant ts, Boolean echo) implements Inbound {

    /** A frame with a type and a payload only. */
    public static Envelope of(String type, JsonValue data) {
        return of(type, Data.of(data));
    }

    /** A frame with a type and a payload only. */
    public static Envelope of(String type, Data data) {
        return new Envelope(type, data, null, null, null, null, null, null, null);
    }

    /** The same frame carrying the given correlation id. */
    public Envelope withRef(String newRef) {
        return new Envelope(type, data, newRef, id, room, from, seq, ts, echo);
    }

    /** The same frame addressed to a room. */
    public Envelope withRoom(String newRoom) {
        return new Envelope(type, data, ref, id, newRoom, from, seq, ts, echo);
    }

    /** The payload as a JSON object, or an empty object when the payload is absent or not an object. */
    public JsonObject dataObject() {
        return data == null ? JsonValue.EMPTY_JSON_OBJECT : data.object();
    }
}
