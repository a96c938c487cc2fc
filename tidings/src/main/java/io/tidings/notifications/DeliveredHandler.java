package io.tidings.notifications;

import io.tidings.connections.Connection;
import io.tidings.dispatch.FrameHandler;
import io.tidings.dispatch.FrameType;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code notification.delivered}: the client confirms it has the notifications; they are not replayed again. */
@ApplicationScoped
@FrameType("notification.delivered")
class DeliveredHandler implements FrameHandler {

    @Inject
    NotificationStore store;

    @Override
    public void handle(Connection connection, Envelope frame) {
        store.markDelivered(connection.user(), NotificationIds.of(frame));
        if (frame.ref() != null) {
            connection.send(Frames.ack(frame.ref()));
        }
    }
}
