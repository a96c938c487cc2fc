package io.tidings.dispatch;

import io.tidings.connections.Connection;
import io.tidings.protocol.Envelope;

/**
 * Handles the client frames of one {@link #type()}. Implementations are CDI beans; the
 * {@link Dispatcher} finds them all at start-up. A handler replies through the connection and
 * reports bad input by throwing {@link FrameException}.
 */
public interface FrameHandler {

    /** The frame type this handler serves. */
    String type();

    void handle(Connection connection, Envelope frame);
}
