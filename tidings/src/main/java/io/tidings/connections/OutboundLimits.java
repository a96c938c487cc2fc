package io.tidings.connections;

/**
 * The bounds of one connection's outbound path: its queue, how long one send may wait for the
 * container before the connection counts as dead (0: no limit), and how long a connection cut off
 * for overflowing its queue has to read what was queued before its close frame goes out.
 */
record OutboundLimits(int maxMessages, long maxBytes, long sendTimeoutMillis, long closeDrainMillis) {
}
