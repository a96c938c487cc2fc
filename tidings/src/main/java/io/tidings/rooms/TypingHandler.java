package io.tidings.rooms;

import io.tidings.connections.Connection;
import io.tidings.dispatch.FrameHandler;
import io.tidings.dispatch.FrameType;
import io.tidings.broker.Broker;
import io.tidings.protocol.Data;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.tidings.protocol.Json;
import jakarta.json.JsonValue;

/** {@code typing}: relayed to the other members as an ephemeral frame; never stored. */
@ApplicationScoped
@FrameType("typing")
class TypingHandler implements FrameHandler {

    @Inject
    RoomRegistry rooms;

    @Inject
    Broker broker;

    @Override
    public void handle(Connection connection, Envelope frame) {
        String name = RoomName.of(connection, frame);
        Membership.require(rooms, connection, name);
        boolean typing = frame.dataObject().get("typing") != JsonValue.FALSE;
        var relayed = new Envelope("typing", Data.of(Json.createObjectBuilder().add("typing", typing).build()),
                null, null, name, connection.user(), null, null, null);
        broker.toRoom(name, relayed, true, connection.id());
        if (frame.ref() != null) {
            connection.send(Frames.ack(frame.ref()).withRoom(name));
        }
    }
}
