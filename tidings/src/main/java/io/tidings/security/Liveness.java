package io.tidings.security;

import io.tidings.connections.Attribute;
import io.tidings.connections.Connection;

import java.util.concurrent.atomic.AtomicInteger;

/** What the heartbeat knows about one connection: pings left unanswered, and when the client last sent a frame. */
final class Liveness {

    private static final Attribute<Liveness> ATTRIBUTE = Attribute.named("liveness");

    private final AtomicInteger unanswered = new AtomicInteger();
    private volatile long lastHeardNanos = System.nanoTime();

    static Liveness of(Connection connection) {
        return connection.computeIfAbsent(ATTRIBUTE, Liveness::new);
    }

    /** A ping goes out; returns how many were unanswered before it. */
    int pinged() {
        return unanswered.getAndIncrement();
    }

    void ponged() {
        unanswered.set(0);
    }

    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    long silentMillis() {
        return (System.nanoTime() - lastHeardNanos) / 1_000_000;
    }
}
