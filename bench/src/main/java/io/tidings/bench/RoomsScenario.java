package io.tidings.bench;


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
            Phase warmUp = deliveries.begin("warm-up");
            Pacer.run(rates.get(0), options.integer("warmup-seconds", 10), () -> rooms.sendNext(deliveries, null));
            report.put("missingAfterWarmup", deliveries.drain(warmUp, options.drainSeconds()));
            double best = 0;
            for (int rate : rates) {
                Map<String, Object> row = step(rate, stepSeconds, options.drainSeconds(), rooms, deliveries, server);
                report.row(row);
                boolean passed = (long) row.get("missingAtDrain") == 0 && (double) row.get("p99Ms") < p99Limit;
                if (!passed) {
                    break;
                }
                best = Math.max(best, (double) row.get("deliveredPerSec"));
            }
            report.put("p99LimitMs", p99Limit);
            report.put("bestDeliveredPerSecWithinP99LimitAndNoLoss", best);
            report.put("lost", deliveries.finish(10, 120));
            report.put("late", deliveries.late());
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

    /**
     * One rate step. A step's row counts only its own messages: delivered/s is what of them arrived
     * while the step ran; the latency covers every one of its deliveries. The run's end adds its
     * late and lost deliveries to the row.
     */
    private static Map<String, Object> step(int rate, int seconds, int drain, Rooms rooms, Deliveries deliveries,
                                            ServerProbe server) throws InterruptedException {
        Phase phase = deliveries.begin(rate + "/s");
        server.sample();
        long sent = Pacer.run(rate, seconds, () -> rooms.sendNext(deliveries, null));
        long delivered = phase.delivered();
        Map<String, Object> figures = server.sample();
        deliveries.drain(phase, drain);
        Map<String, Object> row = phase.row();
        row.put("broadcastsPerSec", rate);
        row.put("sent", sent);
        row.put("deliveredPerSec", ServerProbe.round(delivered / (double) seconds));
        row.putAll(phase.figures());
        row.put("errors", deliveries.errors.get());
        row.putAll(figures);
        ServerProbe.perDelivery(row, figures, sent, delivered);
        return row;
    }
}
