package io.tidings.dispatch;

import io.tidings.connections.Connection;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.Frames;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code ping} is answered with {@code pong}, carrying the ping's {@code ref}. */
@ApplicationScoped
@FrameType("ping")
class PingHandler implements FrameHandler {

    @Override
    public void handle(Connection connection, Envelope frame) {
        connection.send(Frames.pong(frame.ref()));
    }
}
