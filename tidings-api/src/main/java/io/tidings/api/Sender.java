package io.tidings.api;

/** Who sent a frame to a {@link Handles} method: the connection and its user. */
public record Sender(String connectionId, String user) {
}
