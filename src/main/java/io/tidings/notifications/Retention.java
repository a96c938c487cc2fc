package io.tidings.notifications;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
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

/** Deletes notifications older than {@code tidings.notifications.retention-days}, at start-up and every hour. */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    NotificationStore store;

    @Inject
    Settings settings;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        task = scheduler.scheduleWithFixedDelay(this::purge, 0, 1, TimeUnit.HOURS);
    }

    /** Runs one purge now; returns how many notifications were deleted. */
    public int purge() {
        try {
            Instant cutoff = Instant.now().minus(Duration.ofDays(settings.integer(Setting.NOTIFICATIONS_RETENTION_DAYS)));
            return store.purgeCreatedBefore(cutoff);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "purging old notifications failed", e);
            return 0;
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
