package io.tidings.broker;

import io.tidings.protocol.Encoded;

import java.nio.ByteBuffer;

/** The members of rooms on this node, as a broker delivers to them. */
public interface RoomMembers {

    /** Hands the encoded frame to every local member of the room but the excluded connection. */
    void deliver(String room, Encoded frame, String excludedConnectionId);

    /** Hands a binary frame to every local member of the room but the excluded connection. */
    void deliverBinary(String room, ByteBuffer data, String excludedConnectionId);
}
