package io.tidings.notifications;

import io.tidings.connections.Connection;
import io.tidings.dispatch.FrameHandler;
import io.tidings.dispatch.FrameType;
import io.tidings.fanout.FanOut;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * {@code notification.read}: marks notifications read ({@code data.ids}, or {@code data.all:true}).
 * The caller gets the new unread count in its {@code ack}; the user's other sockets get a
 * {@code notification.read} frame, so every device shows the same state.
 */
@ApplicationScoped
@FrameType("notification.read")
class ReadHandler implements FrameHandler {

    @Inject
    NotificationStore store;

    @Inject
    FanOut fanOut;

    @Override
    public void handle(Connection connection, Envelope frame) {
        boolean all = frame.dataObject().get("all") == JsonValue.TRUE;
        List<String> ids = all ? null : NotificationIds.of(frame);
        store.markRead(connection.user(), ids);
        long unread = store.unread(connection.user());
        var sync = Json.createObjectBuilder().add("unread", unread);
        if (all) {
            sync.add("all", true);
        } else {
            sync.add("ids", Json.createArrayBuilder(ids));
        }
        fanOut.toUser(connection.user(), Envelope.of("notification.read", sync.build()), connection.id());
        if (frame.ref() != null) {
            connection.send(Frames.ack(frame.ref(), Json.createObjectBuilder().add("unread", unread).build()));
        }
    }
}
