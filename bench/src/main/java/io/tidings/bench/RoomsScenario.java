package io.tidings.bench;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rooms}: N connections in rooms of 50, broadcasts at a rising rate (one step per rate). A
 * step passes when nothing was lost and the delivery p99 stays under 100 ms; the ramp stops after
 * the first step that fails. The result is the highest delivered rate of a passing step. A warm-up
 * at the first rate, not recorded, comes first so that the first step does not measure the JIT.
 */
final class RoomsScenario implements Scenario {

    @Override
    public void run(Options options, Report report) throws Exception {
        int connections = options.integer("connections", 5000);
        int roomSize = options.integer("room-size", 50);
        int stepSeconds = options.integer("step-seconds", 30);
        ServerProbe server = new ServerProbe(options.serverPid());
        Deliveries deliveries = new Deliveries();
        try (Crowd crowd = new Crowd(options, deliveries)) {
            crowd.awaitServer(60);
            List<Client> clients = crowd.open(0, connections);
            Rooms rooms = Rooms.join(crowd, clients, roomSize, "rooms");
            report.put("connectionsOpened", clients.size());
            report.put("membersJoined", rooms.joined());
            report.put("rooms", rooms.names.size());
            report.put("connectFailures", crowd.failures.get());
            report.put("serverHeapAfterGcKbBefore", server.heapAfterGcKb());
            double p99Limit = options.integer("p99-limit-ms", 100);
            List<Integer> rates = options.integers("rates", "200,400,800,1600");
            Pacer.run(rates.get(0), options.integer("warmup-seconds", 10), () -> rooms.sendNext(deliveries, null));
            long lostTotal = deliveries.drain(options.drainSeconds());
            report.put("lostInWarmup", lostTotal);
            double best = 0;
            for (int rate : rates) {
                Map<String, Object> row = step(rate, stepSeconds, options.drainSeconds(), rooms, deliveries, server, lostTotal);
                report.row(row);
                lostTotal += (long) row.get("lost");
                boolean passed = (long) row.get("lost") == 0 && (double) row.get("p99Ms") < p99Limit;
                if (!passed) {
                    break;
                }
                best = Math.max(best, (double) row.get("deliveredPerSec"));
            }
            report.put("p99LimitMs", p99Limit);
            report.put("bestDeliveredPerSecWithinP99LimitAndNoLoss", best);
            report.put("lost", lostTotal);
            report.put("duplicates", deliveries.duplicates());
            report.put("errors", deliveries.errors.get());
            report.put("errorCodes", Map.copyOf(deliveries.errorCodes).toString());
            report.put("unexpectedCloses", deliveries.closes.get());
            report.put("sendFailures", deliveries.sendFailures.get());
            report.chart(new Chart("rooms: delivery latency by broadcast rate", "broadcastsPerSec",
                    List.of("p50Ms", "p99Ms", "p999Ms"), "ms"));
            Crowd.closeAll(clients);
        }
    }

    private static Map<String, Object> step(int rate, int seconds, int drain, Rooms rooms, Deliveries deliveries,
                                            ServerProbe server, long lostBefore) throws InterruptedException {
        deliveries.interval();
        server.sample();
        long deliveredBefore = deliveries.delivered.get();
        long sent = Pacer.run(rate, seconds, () -> rooms.sendNext(deliveries, null));
        long delivered = deliveries.delivered.get() - deliveredBefore;
        Map<String, Object> figures = server.sample();
        long lost = deliveries.drain(drain) - lostBefore;
        Histogram latency = deliveries.interval();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("broadcastsPerSec", rate);
        row.put("sent", sent);
        row.put("deliveredPerSec", ServerProbe.round(delivered / (double) seconds));
        row.putAll(Report.latency(latency));
        row.put("lost", lost);
        row.put("errors", deliveries.errors.get());
        row.putAll(figures);
        return row;
    }
}
