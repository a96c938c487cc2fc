package io.tidings.connections;

/**
 * What the outbound paths report as they work, for metrics. Called on hot paths, sometimes with a
 * lock held: implementations must be cheap and must not block.
 */
public interface Traffic {

    /** A frame of about {@code bytes} bytes was queued for a client. */
    void queued(int bytes);

    /** An ephemeral frame was dropped because its client fell behind. */
    void dropped();

    /** A client was closed because its outbound queue overflowed. */
    void slowConsumer();

    /** A client was closed because a send to it waited longer than the send timeout. */
    void sendTimedOut();
}
