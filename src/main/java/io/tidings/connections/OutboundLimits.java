package io.tidings.connections;

/**
 * The bounds of one connection's outbound queue, and how long a connection cut off for
 * overflowing it has to read what was queued before its close frame goes out.
 */
record OutboundLimits(int maxMessages, long maxBytes, long closeDrainMillis) {
}
