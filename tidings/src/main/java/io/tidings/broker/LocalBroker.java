package io.tidings.broker;

import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionRegistry;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.Encoded;
import io.tidings.users.UserRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;

/** The broker of one node: delivers each frame to this node's recipients, encoding it once. */
@ApplicationScoped
class LocalBroker implements Broker {

    @Inject
    RoomMembers rooms;

    @Inject
    UserRegistry users;

    @Inject
    ConnectionRegistry connections;

    @Override
    public void toRoom(String room, Encoded frame, String excludedConnectionId) {
        rooms.deliver(room, frame, excludedConnectionId);
    }

    @Override
    public void toRoomBinary(String room, ByteBuffer data, String excludedConnectionId) {
        rooms.deliverBinary(room, data, excludedConnectionId);
    }

    @Override
    public int toUser(String user, Envelope frame, String excludedConnectionId) {
        var targets = users.recipientsOf(user).stream().filter(c -> !c.id().equals(excludedConnectionId)).toList();
        if (!targets.isEmpty()) {
            Encoded encoded = Encoded.of(frame);
            targets.forEach(recipient -> recipient.deliver(encoded));
        }
        return targets.size();
    }

    @Override
    public void toAll(Envelope frame) {
        Encoded encoded = Encoded.of(frame);
        for (Connection connection : connections.all()) {
            connection.deliver(encoded);
        }
    }
}
