package io.tidings.security;

import io.tidings.platform.Platform;
import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionRegistry;
import io.tidings.protocol.CloseCodes;
import jakarta.annotation.PreDestroy;
import io.tidings.workers.Worker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code tidings.heartbeat.interval-ms} the server pings every connection and closes those
 * that left too many pings unanswered, sent nothing for the idle timeout, or whose token expired
 * more than the grace period ago. Browsers answer pings by themselves.
 * <p>
 * The checks of an interval are spread over it: the heartbeat ticks at most {@link #TICK_MS} apart
 * and each tick checks one slice of the connections, chosen by a hash of the connection's id, so
 * every connection is checked once per interval. Pinging thousands of connections at once would
 * bring their thousands of pongs back at once, and messages queued behind that burst would wait.
 */
@ApplicationScoped
class Heartbeat implements Worker {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    /** The longest time between two ticks of the heartbeat, in milliseconds. */
    static final long TICK_MS = 1000;

    ManagedScheduledExecutorService scheduler = Platform.scheduler();

    @Inject
    Settings settings;

    @Inject
    ConnectionRegistry connections;

    private volatile ScheduledFuture<?> next;
    private volatile boolean stopped;
    private long ticks;
    /** When the last tick ran ({@link System#nanoTime()}). */
    private volatile long lastTick = System.nanoTime();

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        schedule();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void schedule() {
        if (!stopped) {
            next = scheduler.schedule(this::beat, tickMillis(settings.number(Setting.HEARTBEAT_INTERVAL_MS)), TimeUnit.MILLISECONDS);
        }
    }

    /** Milliseconds between two ticks for an interval of {@code intervalMillis} (under 1 counts as 1). */
    static long tickMillis(long intervalMillis) {
        return Math.max(1, intervalMillis) / slices(intervalMillis);
    }

    /** How many ticks an interval of {@code intervalMillis} is spread over: enough that none is more than {@link #TICK_MS} apart. */
    static int slices(long intervalMillis) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, -Math.floorDiv(-intervalMillis, TICK_MS)));
    }

    /** Which of {@code slices} ticks checks the connection with {@code connectionId}. */
    static int slice(String connectionId, int slices) {
        return Math.floorMod(connectionId.hashCode(), slices);
    }

    private void beat() {
        lastTick = System.nanoTime();
        try {
            int slices = slices(settings.number(Setting.HEARTBEAT_INTERVAL_MS));
            int slice = (int) (ticks++ % slices);
            for (Connection connection : connections.all()) {
                if (slice(connection.id(), slices) == slice) {
                    check(connection);
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "heartbeat failed; it goes on at the next tick", e);
        } finally {
            schedule();
        }
    }

    @Override
    public String workerName() {
        return "heartbeat";
    }

    /** Ticks come at most {@link #TICK_MS} apart; a heartbeat that missed ten is not running. */
    @Override
    public boolean running() {
        return !stopped && System.nanoTime() - lastTick < TimeUnit.MILLISECONDS.toNanos(10 * TICK_MS);
    }

    private void check(Connection connection) {
        Identity identity = FrameGate.identity(connection);
        if (identity != null && identity.expiresAt() != null && Instant.now().isAfter(
                identity.expiresAt().plusSeconds(settings.number(Setting.AUTH_EXPIRY_GRACE_SECONDS)))) {
            connection.close(CloseCodes.UNAUTHENTICATED, "token expired; reconnect with a new token");
            return;
        }
        Liveness liveness = Liveness.of(connection);
        long idle = settings.number(Setting.IDLE_TIMEOUT_MS);
        if (idle > 0 && liveness.silentMillis() > idle) {
            connection.close(CloseCodes.UNRESPONSIVE, "idle timeout");
        } else if (liveness.pinged() >= settings.integer(Setting.HEARTBEAT_MISSED_PONGS)) {
            connection.close(CloseCodes.UNRESPONSIVE, "no pong to the last pings");
        } else {
            connection.ping(ByteBuffer.wrap(new byte[]{'t'}));
        }
    }
}
