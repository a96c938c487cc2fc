package io.tidings.security;

import io.github.bucket4j.Bucket;
import io.tidings.connections.Attribute;
import io.tidings.connections.Connection;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** One connection's rate limit: a token bucket (Bucket4j) and the frames refused in a row. */
final class Throttle {

    private static final Attribute<Throttle> ATTRIBUTE = Attribute.named("throttle");

    private final Bucket bucket;
    private final AtomicInteger strikes = new AtomicInteger();

    private Throttle(long perSecond, long burst) {
        bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build();
    }

    static Throttle install(Connection connection, long perSecond, long burst) {
        Throttle throttle = new Throttle(perSecond, burst);
        connection.set(ATTRIBUTE, throttle);
        return throttle;
    }

    static Throttle of(Connection connection) {
        return connection.get(ATTRIBUTE);
    }

    /** 0 when the frame may pass; otherwise how many frames in a row were refused, this one included. */
    int take() {
        if (bucket.tryConsume(1)) {
            strikes.set(0);
            return 0;
        }
        return strikes.incrementAndGet();
    }
}
