package io.tidings.dispatch;

import io.tidings.connections.Connection;

import java.nio.ByteBuffer;

/** Handles binary frames (there is at most one such bean). Reports bad input by throwing {@link FrameException}. */
public interface BinaryHandler {

    void handle(Connection connection, ByteBuffer frame);
}
