package io.tidings.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code churn}: opens connections at a steady rate; each joins a room, stays a few seconds and
 * closes. The server's heap after GC and RSS are sampled throughout and compared with the baseline
 * once everything has closed.
 */
final class ChurnScenario implements Scenario {

    private static final int ROOMS = 100;
    private static final int SAMPLE_SECONDS = 10;

    @Override
    public void run(Options options, Report report) throws Exception {
        int rate = options.integer("rate", 50);
        int lifetime = options.integer("lifetime-seconds", 5);
        int duration = options.integer("duration-seconds", 180);
        ServerProbe server = new ServerProbe(options.serverPid());
        Deliveries sink = new Deliveries();
        AtomicInteger live = new AtomicInteger();
        AtomicLong opened = new AtomicLong();
        String token = Long.toString(System.currentTimeMillis(), 36);
        ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(Crowd.daemon("closer"));
        try (Crowd crowd = new Crowd(options, sink)) {
            Map<String, Object> baseline = sample(report, 0, 0, server);
            long start = System.nanoTime();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(Crowd.daemon("sampler"));
            sampler.scheduleAtFixedRate(() -> sample(report, (System.nanoTime() - start) / 1e9, live.get(), server),
                    SAMPLE_SECONDS, SAMPLE_SECONDS, TimeUnit.SECONDS);
            AtomicInteger index = new AtomicInteger();
            long attempts = Pacer.run(rate, duration, () -> {
                int i = index.getAndIncrement();
                Client.open(crowd.http, crowd.url, i, sink)
                        .thenCompose(client -> client.join("churn-" + token + "-" + (i % ROOMS)).thenApply(joined -> client))
                        .whenComplete((client, failure) -> {
                            if (failure != null) {
                                crowd.failures.incrementAndGet();
                                return;
                            }
                            opened.incrementAndGet();
                            live.incrementAndGet();
                            closer.schedule(() -> {
                                client.close();
                                live.decrementAndGet();
                            }, lifetime, TimeUnit.SECONDS);
                        });
            });
            sampler.shutdownNow();
            closer.shutdown();
            closer.awaitTermination(lifetime + 30L, TimeUnit.SECONDS);
            Thread.sleep(5000);
            Map<String, Object> end = sample(report, (System.nanoTime() - start) / 1e9, live.get(), server);
            report.put("connectAttempts", attempts);
            report.put("connectionsOpenedAndClosed", opened.get());
            report.put("connectFailures", crowd.failures.get());
            report.put("errors", sink.errors.get());
            report.put("unexpectedCloses", sink.closes.get());
            compare(report, baseline, end);
            report.chart(new Chart("churn: server memory over time", "seconds",
                    java.util.List.of("serverHeapAfterGcMb", "serverRssMb"), "MB"));
        }
    }

    private static synchronized Map<String, Object> sample(Report report, double seconds, int live, ServerProbe server) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("seconds", ServerProbe.round(seconds));
        row.put("liveConnections", live);
        Map<String, Object> figures = server.afterGc();
        row.putAll(figures);
        if (figures.containsKey("serverRssKb")) {
            row.put("serverHeapAfterGcMb", ServerProbe.round((long) figures.get("serverHeapAfterGcKb") / 1024.0));
            row.put("serverRssMb", ServerProbe.round((long) figures.get("serverRssKb") / 1024.0));
        }
        report.row(row);
        return row;
    }

    private static void compare(Report report, Map<String, Object> baseline, Map<String, Object> end) {
        if (!baseline.containsKey("serverRssKb")) {
            return;
        }
        report.put("heapAfterGcKbBaseline", baseline.get("serverHeapAfterGcKb"));
        report.put("heapAfterGcKbEnd", end.get("serverHeapAfterGcKb"));
        report.put("heapAfterGcKbGrowth", (long) end.get("serverHeapAfterGcKb") - (long) baseline.get("serverHeapAfterGcKb"));
        report.put("rssKbGrowth", (long) end.get("serverRssKb") - (long) baseline.get("serverRssKb"));
        report.put("threadsBaseline", baseline.get("serverThreads"));
        report.put("threadsEnd", end.get("serverThreads"));
    }
}
