package io.tidings.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code notify}: N users online with one socket each; notifications to them go through the HTTP
 * API ({@code POST /api/users/{user}/notifications} with the admin key), each stored and delivered
 * to the user's socket. The latency runs from just before the POST to the frame at the socket, so
 * it covers the HTTP call, the store and the delivery. One step per rate, like {@code rooms}.
 */
final class NotifyScenario implements Scenario {

    @Override
    public void run(Options options, Report report) throws Exception {
        int connections = options.integer("connections", 1000);
        int stepSeconds = options.integer("step-seconds", 20);
        int maxInFlight = options.integer("http-in-flight", 64);
        ServerProbe server = new ServerProbe(options.serverPid());
        Deliveries deliveries = new Deliveries();
        Poster poster = new Poster(options, maxInFlight, deliveries);
        try (Crowd crowd = new Crowd(options, deliveries)) {
            crowd.awaitServer(60);
            List<Client> clients = crowd.open(0, connections);
            report.put("connectionsOpened", clients.size());
            report.put("connectFailures", crowd.failures.get());
            List<Integer> rates = options.integers("rates", "50,100,200");
            Phase warmUp = deliveries.begin("warm-up");
            Pacer.run(rates.get(0), options.integer("warmup-seconds", 10), () -> poster.next(clients));
            report.put("missingAfterWarmup", deliveries.drain(warmUp, options.drainSeconds()));
            for (int rate : rates) {
                Phase phase = deliveries.begin(rate + "/s");
                server.sample();
                long refusedBefore = poster.refused.get();
                long skippedBefore = poster.skipped.get();
                long sent = Pacer.run(rate, stepSeconds, () -> poster.next(clients));
                long delivered = phase.delivered();
                Map<String, Object> figures = server.sample();
                deliveries.drain(phase, options.drainSeconds());
                Map<String, Object> row = phase.row();
                row.put("notificationsPerSec", rate);
                row.put("posted", sent - (poster.skipped.get() - skippedBefore));
                row.put("httpRefused", poster.refused.get() - refusedBefore);
                row.put("skippedTooManyInFlight", poster.skipped.get() - skippedBefore);
                row.put("deliveredPerSec", ServerProbe.round(delivered / (double) stepSeconds));
                row.putAll(phase.figures());
                row.putAll(figures);
                report.row(row);
            }
            report.put("lost", deliveries.finish(10, 120));
            report.put("late", deliveries.late());
            report.put("duplicates", deliveries.duplicates());
            report.put("httpRefused", poster.refused.get());
            report.put("httpFailures", poster.failures.get());
            report.put("errors", deliveries.errors.get());
            report.put("unexpectedCloses", deliveries.closes.get());
            report.chart(new Chart("notify: HTTP to socket latency by rate", "notificationsPerSec",
                    List.of("p50Ms", "p99Ms", "p999Ms"), "ms"));
            Crowd.closeAll(clients);
        }
    }

    /**
     * Posts one notification at a time to the next user, with at most {@code maxInFlight} calls
     * open. A post that finds no free slot is skipped and counted, so a slow server cannot pile up
     * calls; a refused or failed post is counted and its delivery ends up lost.
     */
    private static final class Poster {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final URI base;
        private final String adminKey;
        private final String origin;
        private final Semaphore slots;
        private final Deliveries deliveries;
        private final AtomicLong next = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();

        Poster(Options options, int maxInFlight, Deliveries deliveries) {
            URI ws = options.url();
            String scheme = ws.getScheme().equals("wss") ? "https" : "http";
            this.origin = scheme + "://" + ws.getRawAuthority();
            this.base = URI.create(origin + ws.getRawPath().replaceAll("/ws$", "") + "/api/users/");
            this.adminKey = options.text("admin-key", "bench-admin-key");
            this.slots = new Semaphore(maxInFlight);
            this.deliveries = deliveries;
        }

        void next(List<Client> clients) {
            if (!slots.tryAcquire()) {
                skipped.incrementAndGet();
                return;
            }
            Client client = clients.get((int) (next.getAndIncrement() % clients.size()));
            long key = deliveries.expect(1, null);
            String body = "{\"type\":\"bench\",\"title\":\"bench\",\"data\":" + Deliveries.data(key) + "}";
            HttpRequest request = HttpRequest.newBuilder(base.resolve("b" + client.index + "/notifications"))
                    .header("X-API-Key", adminKey).header("Origin", origin).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                slots.release();
                if (failure != null) {
                    if (failures.incrementAndGet() == 1) {
                        System.out.println("  first failed post: " + failure);
                    }
                } else if (response.statusCode() != 201 && refused.incrementAndGet() == 1) {
                    System.out.println("  first refused post: HTTP " + response.statusCode() + " " + response.body());
                }
            });
        }
    }
}
