package io.tidings.metrics;

import io.tidings.platform.Platform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tidings.connections.ConnectionChange;
import io.tidings.connections.ConnectionRegistry;
import io.tidings.connections.Traffic;
import io.tidings.workers.Worker;
import io.tidings.rooms.RoomRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The one place Tidings counts. Counters are Micrometer's (striped, lock-free), so calling them
 * from outbound paths and handlers costs little. Messages in and out also have a per-second rate
 * over the last ten seconds, sampled once a second.
 */
@ApplicationScoped
public class Metrics implements Traffic, Worker {

    private static final Logger LOG = Logger.getLogger(Metrics.class.getName());

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private Counter opened;
    private Counter received;
    private Counter bytesIn;
    private Counter sent;
    private Counter bytesOut;
    private Counter dropped;
    private Counter slowConsumers;
    private Counter sendTimeouts;
    private Counter authFailures;
    private Counter rateLimited;
    private Timer durations;

    @Inject
    ConnectionRegistry connections;

    @Inject
    RoomRegistry rooms;

    ManagedScheduledExecutorService scheduler = Platform.scheduler();

    private ScheduledFuture<?> sampling;

    @PostConstruct
    void register() {
        Gauge.builder("tidings.connections.active", connections, ConnectionRegistry::count)
                .description("Open WebSocket connections").register(registry);
        Gauge.builder("tidings.rooms", rooms, RoomRegistry::count)
                .description("Rooms in use on this server").register(registry);
        opened = counter("tidings.connections.opened", "WebSocket connections opened since start");
        received = counter("tidings.messages.in", "Frames received from clients");
        bytesIn = counter("tidings.bytes.in", "Bytes received from clients (text frames as UTF-8)");
        sent = counter("tidings.messages.out", "Frames queued for clients (sockets and SSE streams)");
        bytesOut = counter("tidings.bytes.out", "Approximate bytes queued for clients");
        dropped = counter("tidings.frames.dropped", "Ephemeral frames dropped because a client fell behind");
        slowConsumers = counter("tidings.slow.consumer.closes", "Clients closed because their outbound queue overflowed");
        sendTimeouts = counter("tidings.send.timeout.closes", "Clients closed because a send waited longer than the send timeout");
        authFailures = counter("tidings.auth.failures", "Handshakes and API calls refused for a missing or wrong credential");
        rateLimited = counter("tidings.rate.limit.hits", "Client frames refused over the rate limit");
        durations = Timer.builder("tidings.connection.duration").description("How long WebSocket connections stayed open")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofHours(24)).register(registry);
        Rate in = new Rate(received);
        Rate out = new Rate(sent);
        gauge("tidings.messages.in.rate", "Frames received per second, over the last 10 seconds", in::perSecond);
        gauge("tidings.messages.out.rate", "Frames queued per second, over the last 10 seconds", out::perSecond);
        sampling = scheduler.scheduleAtFixedRate(Worker.guarded(() -> {
            in.sample();
            out.sample();
        }, LOG, "sampling the message rates"), 0, 1, TimeUnit.SECONDS);
    }

    @Override
    public String workerName() {
        return "metrics-sampling";
    }

    @Override
    public boolean running() {
        return Worker.repeating(sampling);
    }

    @PreDestroy
    void stopSampling() {
        if (sampling != null) {
            sampling.cancel(false);
        }
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    void connected(@Observes @ConnectionChange.Opened ConnectionChange change) {
        opened.increment();
    }

    void disconnected(@Observes @ConnectionChange.Closed ConnectionChange change) {
        durations.record(Duration.between(change.connection().openedAt(), Instant.now()));
    }

    /** A frame of this many bytes arrived from a client (text frames counted as UTF-8). */
    public void received(long bytes) {
        received.increment();
        bytesIn.increment(bytes);
    }

    public void authFailed() {
        authFailures.increment();
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    @Override
    public void queued(int bytes) {
        sent.increment();
        bytesOut.increment(bytes);
    }

    @Override
    public void dropped() {
        dropped.increment();
    }

    @Override
    public void slowConsumer() {
        slowConsumers.increment();
    }

    @Override
    public void sendTimedOut() {
        sendTimeouts.increment();
    }

    /** A value another feature owns, read when metrics are scraped. */
    public void gauge(String name, String description, java.util.function.Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** Prometheus text exposition format 0.0.4. */
    public String prometheus() {
        return registry.scrape();
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }
}
