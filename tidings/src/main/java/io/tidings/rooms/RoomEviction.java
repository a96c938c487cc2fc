package io.tidings.rooms;

import io.tidings.platform.Platform;
import io.tidings.config.Setting;
import io.tidings.config.Settings;
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

/** Once a second, takes the rooms empty for {@code tidings.rooms.idle-seconds} out of memory (their history stays stored). */
@ApplicationScoped
class RoomEviction implements Worker {

    private static final Logger LOG = Logger.getLogger(RoomEviction.class.getName());

    ManagedScheduledExecutorService scheduler = Platform.scheduler();

    @Inject
    RoomRegistry rooms;

    @Inject
    Settings settings;

    private volatile ScheduledFuture<?> sweeps;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        sweeps = scheduler.scheduleWithFixedDelay(Worker.guarded(this::sweep, LOG, "evicting idle rooms"), 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> running = sweeps;
        if (running != null) {
            running.cancel(false);
        }
    }

    private void sweep() {
        long idle = TimeUnit.SECONDS.toNanos(settings.number(Setting.ROOMS_IDLE_SECONDS));
        int evicted = rooms.evictIdleSince(System.nanoTime() - idle);
        if (evicted > 0) {
            LOG.fine(() -> evicted + " idle rooms left memory");
        }
    }

    @Override
    public String workerName() {
        return "room-eviction";
    }

    @Override
    public boolean running() {
        return Worker.repeating(sweeps);
    }
}
