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
 * (taken after a warm-up, once the server's threads hold still) once everything has closed.
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
            crowd.awaitServer(60);
            crowd.warmUp(100, server);
            Map<String, Object> baseline = sample(report, 0, 0, server, null);
            long start = System.nanoTime();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(Crowd.daemon("sampler"));
            sampler.scheduleAtFixedRate(() -> sample(report, (System.nanoTime() - start) / 1e9, live.get(), server, baseline),
                    SAMPLE_SECONDS, SAMPLE_SECONDS, TimeUnit.SECONDS);
            AtomicInteger index = new AtomicInteger();
            AtomicInteger opening = new AtomicInteger();
            long attempts = Pacer.run(rate, duration, () -> {
                int i = index.getAndIncrement();
                opening.incrementAndGet();
                crowd.connect(i)
                        .thenCompose(client -> client.join("churn-" + token + "-" + (i % ROOMS)).thenApply(joined -> client))
                        .whenComplete((client, failure) -> {
                            if (failure != null) {
                                if (crowd.failures.incrementAndGet() == 1) {
                                    System.out.println("  first failure: " + Crowd.describe(failure));
                                }
                            } else {
                                opened.incrementAndGet();
                                live.incrementAndGet();
                                closer.schedule(() -> {
                                    client.close();
                                    live.decrementAndGet();
                                }, lifetime, TimeUnit.SECONDS);
                            }
                            opening.decrementAndGet();
                        });
            });
            sampler.shutdownNow();
            long openDeadline = System.nanoTime() + 60_000_000_000L;
            while (opening.get() > 0 && System.nanoTime() < openDeadline) {
                Thread.sleep(100); // handshakes still under way must get their close scheduled
            }
            closer.shutdown();
            closer.awaitTermination(lifetime + 30L, TimeUnit.SECONDS);
            Thread.sleep(5000);
            Map<String, Object> end = sample(report, (System.nanoTime() - start) / 1e9, live.get(), server, baseline);
            report.put("connectAttempts", attempts);
            report.put("connectionsOpenedAndClosed", opened.get());
            report.put("connectFailures", crowd.failures.get());
            report.put("errors", sink.errors.get());
            report.put("unexpectedCloses", sink.closes.get());
            compare(report, baseline, end);
            report.chart(new Chart("churn: server memory growth over the baseline", "seconds",
                    java.util.List.of("heapGrowthMb", "rssGrowthMb", "liveConnections"), "MB / connections"));
        }
    }

    /** One row; memory is given as growth over the baseline, in MB (the pre-touched heap would hide it in RSS). */
    private static synchronized Map<String, Object> sample(Report report, double seconds, int live, ServerProbe server,
                                                           Map<String, Object> baseline) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("seconds", ServerProbe.round(seconds));
        row.put("liveConnections", live);
        Map<String, Object> figures = server.afterGc();
        row.putAll(figures);
        Map<String, Object> base = baseline == null ? figures : baseline;
        if (figures.containsKey("serverRssKb")) {
            row.put("heapGrowthMb", growthMb(figures, base, "serverHeapAfterGcKb"));
            row.put("rssGrowthMb", growthMb(figures, base, "serverRssKb"));
        }
        report.row(row);
        return row;
    }

    private static double growthMb(Map<String, Object> now, Map<String, Object> base, String key) {
        return ServerProbe.round(((long) now.get(key) - (long) base.get(key)) / 1024.0);
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
