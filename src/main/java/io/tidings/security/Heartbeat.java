package io.tidings.security;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionRegistry;
import io.tidings.protocol.CloseCodes;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
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
 */
@ApplicationScoped
public class Heartbeat {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Settings settings;

    @Inject
    ConnectionRegistry connections;

    private volatile ScheduledFuture<?> next;
    private volatile boolean stopped;

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
            next = scheduler.schedule(this::beat, settings.number(Setting.HEARTBEAT_INTERVAL_MS), TimeUnit.MILLISECONDS);
        }
    }

    private void beat() {
        try {
            for (Connection connection : connections.all()) {
                check(connection);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "heartbeat failed; it goes on at the next interval", e);
        } finally {
            schedule();
        }
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
