package io.tidings.sse;

import io.tidings.platform.Platform;
import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.workers.Worker;
import io.tidings.metrics.Metrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Every open SSE stream of this server, and their heartbeats: once a second, each stream that has
 * been quiet for {@code tidings.sse.heartbeat-seconds} gets a comment; a stream whose client is
 * gone is closed and leaves its room or user.
 */
@ApplicationScoped
class SseStreams implements Worker {

    private static final Logger LOG = Logger.getLogger(SseStreams.class.getName());

    private final Set<SseStream> open = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> heartbeats;

    ManagedExecutorService executor = Platform.executor();

    ManagedScheduledExecutorService scheduler = Platform.scheduler();

    @Inject
    Settings settings;

    @Inject
    Metrics metrics;

    /** A new stream for a user; {@code onClose} runs once with it when it closes, whoever closes it. */
    SseStream open(String user, SseEventSink sink, Sse sse, Consumer<SseStream> onClose) {
        startHeartbeats();
        var stream = new SseStream(user, sink, sse, executor, metrics, settings.integer(Setting.SSE_MAX_EVENTS),
                settings.number(Setting.SSE_MAX_BYTES));
        stream.onClose(() -> {
            open.remove(stream);
            onClose.accept(stream);
        });
        open.add(stream);
        return stream;
    }

    public int count() {
        return open.size();
    }

    private synchronized void startHeartbeats() {
        if (heartbeats == null) {
            metrics.gauge("tidings.sse.streams", "Open Server-Sent Events streams", this::count);
            heartbeats = scheduler.scheduleWithFixedDelay(Worker.guarded(this::beat, LOG, "SSE heartbeats"), 1, 1, TimeUnit.SECONDS);
        }
    }

    private void beat() {
        long quiet = TimeUnit.SECONDS.toNanos(settings.number(Setting.SSE_HEARTBEAT_SECONDS));
        for (SseStream stream : open) {
            if (!stream.isClosed() && stream.nanosSinceLastQueued() >= quiet) {
                stream.heartbeat();
            }
        }
    }

    @Override
    public String workerName() {
        return "sse-heartbeats";
    }

    @Override
    public synchronized boolean running() {
        return Worker.repeating(heartbeats);
    }

    @PreDestroy
    synchronized void closeAll() {
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        open.forEach(SseStream::close);
    }
}
