package io.tidings.notifications;

import io.tidings.connections.Connection;
import io.tidings.dispatch.FrameHandler;
import io.tidings.dispatch.FrameType;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.tidings.protocol.Json;
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
    Inbox inbox;

    @Override
    public void handle(Connection connection, Envelope frame) {
        boolean all = frame.dataObject().get("all") == JsonValue.TRUE;
        List<String> ids = all ? null : NotificationIds.of(frame);
        long unread = inbox.markRead(connection.user(), ids, connection.id());
        if (frame.ref() != null) {
            connection.send(Frames.ack(frame.ref(), Json.createObjectBuilder().add("unread", unread).build()));
        }
    }
}
