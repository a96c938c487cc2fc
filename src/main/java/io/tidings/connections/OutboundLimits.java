package io.tidings.connections;

/** The bounds of one connection's outbound queue. */
record OutboundLimits(int maxMessages, long maxBytes) {
}
