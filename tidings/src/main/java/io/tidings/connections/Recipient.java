package io.tidings.connections;

import io.tidings.protocol.Encoded;

import java.nio.ByteBuffer;

/**
 * Something room and user fan-out hands frames to: a WebSocket {@link Connection} or a
 * Server-Sent Events stream. Both transports get the frame already encoded once; an SSE stream
 * also reads the frame itself for its event name and id.
 */
public interface Recipient {

    String id();

    /** The user name this recipient speaks for. */
    String user();

    /** Queues an encoded frame without blocking; false when it was refused (closed or overflowed). */
    boolean deliver(Encoded frame);

    /** Queues a binary frame; transports that cannot carry binary refuse it. */
    boolean deliverBinary(ByteBuffer data);
}
