package io.tidings.connections;

import io.tidings.platform.Platform;
import io.tidings.workers.Worker;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Enforces {@code tidings.outbound.send-timeout-ms}: once a second, every connection whose send in
 * flight has waited longer than that is cut off and closed with 4000. So a send is given up between
 * the timeout and a second after it.
 * <p>
 * The containers' own send timeout is off ({@code setSendTimeout(0)}): Undertow (WildFly) arms a
 * timer for every send, and Tyrus 2.1 (Payara) ignores it ({@code TyrusWebSocket.setWriteTimeout}
 * does nothing), so a stuck send there was only noticed by the heartbeat's missed pongs.
 */
@ApplicationScoped
class StalledSends implements Worker {

    static final long CHECK_INTERVAL_MS = 1000;

    private static final Logger LOG = Logger.getLogger(StalledSends.class.getName());

    ManagedScheduledExecutorService scheduler = Platform.scheduler();

    @Inject
    ConnectionRegistry connections;

    private volatile ScheduledFuture<?> checks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        checks = scheduler.scheduleWithFixedDelay(Worker.guarded(this::check, LOG, "checking for stalled sends"), CHECK_INTERVAL_MS, CHECK_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> running = checks;
        if (running != null) {
            running.cancel(false);
        }
    }

    private void check() {
        long now = System.nanoTime();
        for (Connection connection : connections.all()) {
            if (connection.closeIfSendTimedOut(now)) {
                LOG.fine(() -> connection + ": a send waited longer than the send timeout; closed");
            }
        }
    }

    @Override
    public String workerName() {
        return "stalled-sends";
    }

    @Override
    public boolean running() {
        return Worker.repeating(checks);
    }
}
