package io.tidings.dispatch;

import io.tidings.connections.Connection;
import io.tidings.protocol.Envelope;

/**
 * Handles the client frames of one type. Built-in implementations are CDI beans annotated with
 * {@link FrameType}; the {@link Dispatcher} finds them all at start-up, together with the
 * application's {@code @Handles} methods. A handler replies through the connection and reports
 * bad input by throwing {@link FrameException}.
 */
public interface FrameHandler {

    /** The frame type this handler serves: by default its class's {@link FrameType}. */
    default String type() {
        return getClass().getAnnotation(FrameType.class).value();
    }

    void handle(Connection connection, Envelope frame);
}
