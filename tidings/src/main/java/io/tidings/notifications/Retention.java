package io.tidings.notifications;

import io.tidings.platform.Platform;
import io.tidings.config.Setting;
import io.tidings.config.Settings;
import jakarta.annotation.PreDestroy;
import io.tidings.workers.Worker;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Deletes notifications older than {@code tidings.notifications.retention-days}, a minute after start-up and every hour. */
@ApplicationScoped
class Retention implements Worker {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    ManagedScheduledExecutorService scheduler = Platform.scheduler();

    @Inject
    NotificationStore store;

    @Inject
    Settings settings;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // First run a minute after start-up: Payara runs a task scheduled at once before the
        // persistence unit is usable, and the purge then fails with a closed EntityManager.
        task = scheduler.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    /** Runs one purge now; returns how many notifications were deleted. */
    public int purge() {
        try {
            Instant cutoff = Instant.now().minus(Duration.ofDays(settings.integer(Setting.NOTIFICATIONS_RETENTION_DAYS)));
            return store.purgeCreatedBefore(cutoff);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "purging old notifications failed", e);
            return 0;
        }
    }

    @Override
    public String workerName() {
        return "notification-retention";
    }

    @Override
    public boolean running() {
        return Worker.repeating(task);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
