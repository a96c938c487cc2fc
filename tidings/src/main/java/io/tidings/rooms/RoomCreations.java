package io.tidings.rooms;

import io.github.bucket4j.Bucket;
import io.tidings.connections.Attribute;
import io.tidings.connections.Connection;

import java.time.Duration;

/**
 * How many rooms one connection may bring into memory (join a room this server does not hold) per
 * minute: a token bucket (Bucket4j) in the connection's properties, so that no client can fill the
 * server with rooms by joining new names.
 */
final class RoomCreations {

    private static final Attribute<Bucket> ATTRIBUTE = Attribute.named("room creations");

    private RoomCreations() {
    }

    /** Takes one room creation from the connection's allowance; false when it has none left. */
    static boolean take(Connection connection, int perMinute) {
        Bucket bucket = connection.computeIfAbsent(ATTRIBUTE, () -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build());
        return bucket.tryConsume(1);
    }
}
