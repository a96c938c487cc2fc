package io.tidings.broker;

import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionRegistry;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.EnvelopeEncoder;
import io.tidings.users.UserRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;

/** The broker of one node: delivers each frame to this node's recipients, encoding it once. */
@ApplicationScoped
class LocalBroker implements Broker {

    private final EnvelopeEncoder encoder = new EnvelopeEncoder();

    @Inject
    RoomMembers rooms;

    @Inject
    UserRegistry users;

    @Inject
    ConnectionRegistry connections;

    @Override
    public void toRoom(String room, Envelope frame, boolean ephemeral, String excludedConnectionId) {
        rooms.deliver(room, frame, encoder.encode(frame), ephemeral, excludedConnectionId);
    }

    @Override
    public void toRoomBinary(String room, ByteBuffer data, String excludedConnectionId) {
        rooms.deliverBinary(room, data, excludedConnectionId);
    }

    @Override
    public int toUser(String user, Envelope frame, String excludedConnectionId) {
        var targets = users.recipientsOf(user).stream().filter(c -> !c.id().equals(excludedConnectionId)).toList();
        if (!targets.isEmpty()) {
            String text = encoder.encode(frame);
            targets.forEach(recipient -> recipient.deliver(frame, text, false));
        }
        return targets.size();
    }

    @Override
    public void toAll(Envelope frame) {
        String text = encoder.encode(frame);
        for (Connection connection : connections.all()) {
            connection.sendText(text, false);
        }
    }
}
