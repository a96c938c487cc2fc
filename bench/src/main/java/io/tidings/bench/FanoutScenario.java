package io.tidings.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code fanout}: one room of N members. First an open loop (a fixed rate of broadcasts), then a
 * closed loop (a fixed number of messages in flight; the next is sent when the last member has
 * received one). An unrecorded warm-up at the open loop's rate comes first.
 */
final class FanoutScenario implements Scenario {

    @Override
    public void run(Options options, Report report) throws Exception {
        int connections = options.integer("connections", 5000);
        int seconds = options.integer("duration-seconds", 30);
        ServerProbe server = new ServerProbe(options.serverPid());
        Deliveries deliveries = new Deliveries();
        try (Crowd crowd = new Crowd(options, deliveries)) {
            crowd.awaitServer(60);
            List<Client> clients = crowd.open(0, connections);
            long joinStart = System.nanoTime();
            Rooms room = Rooms.join(crowd, clients, Math.max(1, clients.size()), "fanout");
            report.put("connectionsOpened", clients.size());
            report.put("membersJoined", room.joined());
            report.put("joinSeconds", ServerProbe.round((System.nanoTime() - joinStart) / 1e9));
            report.put("connectFailures", crowd.failures.get());
            int rate = options.integer("rate", 10);
            // An unrecorded warm-up, so that the first variant does not measure the JIT.
            Phase warmUp = deliveries.begin("warm-up");
            Pacer.run(rate, options.integer("warmup-seconds", 10), () -> room.sendNext(deliveries, null));
            report.put("missingAfterWarmup", deliveries.drain(warmUp, options.drainSeconds()));
            report.row(variant("open loop " + rate + "/s", deliveries, server, options, () ->
                    Pacer.run(rate, seconds, () -> room.sendNext(deliveries, null))));
            int inFlight = options.integer("in-flight", 4);
            report.row(variant("closed loop, " + inFlight + " in flight", deliveries, server, options, () ->
                    closedLoop(room, deliveries, inFlight, seconds)));
            report.put("lost", deliveries.finish(10, 120));
            report.put("late", deliveries.late());
            report.put("duplicates", deliveries.duplicates());
            report.put("errors", deliveries.errors.get());
            report.put("errorCodes", Map.copyOf(deliveries.errorCodes).toString());
            report.put("unexpectedCloses", deliveries.closes.get());
            Crowd.closeAll(clients);
        }
    }

    interface Load {
        long run() throws InterruptedException;
    }

    /** One variant; its row counts only its own messages, and the run's end adds its late and lost deliveries. */
    private static Map<String, Object> variant(String name, Deliveries deliveries, ServerProbe server, Options options,
                                               Load load) throws InterruptedException {
        Phase phase = deliveries.begin(name);
        server.sample();
        long start = System.nanoTime();
        long sent = load.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        long delivered = phase.delivered();
        Map<String, Object> figures = server.sample();
        deliveries.drain(phase, options.drainSeconds());
        Map<String, Object> row = phase.row();
        row.put("variant", name);
        row.put("sent", sent);
        row.put("sentPerSec", ServerProbe.round(sent / seconds));
        row.put("deliveredPerSec", ServerProbe.round(delivered / seconds));
        row.putAll(phase.figures());
        row.putAll(figures);
        ServerProbe.perDelivery(row, figures, sent, delivered);
        return row;
    }

    /** Keeps {@code inFlight} messages outstanding; one that has not completed within 5 s is given up on. */
    private static long closedLoop(Rooms room, Deliveries deliveries, int inFlight, int seconds) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long sent = 0;
        while (System.nanoTime() < deadline) {
            if (!slots.tryAcquire(5, TimeUnit.SECONDS)) {
                System.out.println("  a closed-loop message did not reach every member within 5 s; sending the next");
            }
            room.sendNext(deliveries, slots::release);
            sent++;
        }
        return sent;
    }
}
