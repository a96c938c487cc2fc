package io.tidings.broker;

import io.tidings.protocol.Encoded;
import io.tidings.protocol.Envelope;

import java.nio.ByteBuffer;

/** Publishes a frame to a room, a user or everyone; each frame is encoded once for all its recipients. */
public interface Broker {

    /** To every member of a room, except one connection when {@code excludedConnectionId} is set. */
    void toRoom(String room, Encoded frame, String excludedConnectionId);

    /** As {@link #toRoom(String, Encoded, String)}, encoding the frame here. */
    default void toRoom(String room, Envelope frame, boolean ephemeral, String excludedConnectionId) {
        toRoom(room, Encoded.of(frame, ephemeral), excludedConnectionId);
    }

    /** A binary frame to every member of a room except the sender's connection. */
    void toRoomBinary(String room, ByteBuffer data, String excludedConnectionId);

    /** To every open socket and stream of one user. Returns how many this node handed it to. */
    default int toUser(String user, Envelope frame) {
        return toUser(user, frame, null);
    }

    /** To every open socket and stream of one user but one (the socket that caused the frame, say). */
    int toUser(String user, Envelope frame, String excludedConnectionId);

    /** To every open connection. */
    void toAll(Envelope frame);
}
