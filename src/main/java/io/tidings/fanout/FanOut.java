package io.tidings.fanout;

import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionRegistry;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.EnvelopeEncoder;
import io.tidings.rooms.RoomRegistry;
import io.tidings.users.UserRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;

/** Delivers one frame to many connections, encoding it once. */
@ApplicationScoped
public class FanOut {

    private final EnvelopeEncoder encoder = new EnvelopeEncoder();

    @Inject
    RoomRegistry rooms;

    @Inject
    UserRegistry users;

    @Inject
    ConnectionRegistry connections;

    /** To every member of a room, except one connection when {@code excludedConnectionId} is set. */
    public void toRoom(String room, Envelope frame, boolean ephemeral, String excludedConnectionId) {
        rooms.deliver(room, encoder.encode(frame), ephemeral, excludedConnectionId);
    }

    /** A binary frame to every member of a room except the sender's connection. */
    public void toRoomBinary(String room, ByteBuffer data, String excludedConnectionId) {
        rooms.deliverBinary(room, data, excludedConnectionId);
    }

    /** To every open socket of one user. Returns how many sockets it was handed to. */
    public int toUser(String user, Envelope frame) {
        return toUser(user, frame, null);
    }

    /** To every open socket of one user but one (the socket that caused the frame, say). */
    public int toUser(String user, Envelope frame, String excludedConnectionId) {
        var targets = users.connectionsOf(user).stream().filter(c -> !c.id().equals(excludedConnectionId)).toList();
        if (!targets.isEmpty()) {
            String text = encoder.encode(frame);
            targets.forEach(connection -> connection.sendText(text, false));
        }
        return targets.size();
    }

    /** To every open connection of this server. */
    public void toAll(Envelope frame) {
        String text = encoder.encode(frame);
        for (Connection connection : connections.all()) {
            connection.sendText(text, false);
        }
    }
}
