package io.tidings.api;

import jakarta.json.JsonValue;

import java.time.Instant;

/**
 * A room message was stored (it is being delivered to the room's members):
 * {@code void audit(@Observes MessageReceived message)}. Called synchronously on the history
 * writer's thread, without a request context; keep observers quick.
 */
public record MessageReceived(String room, String messageId, long seq, String user, JsonValue data, Instant at) {
}
