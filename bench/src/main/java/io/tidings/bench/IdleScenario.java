package io.tidings.bench;

import java.util.List;
import java.util.Map;

/**
 * {@code idle}: opens N connections that do nothing, and reports the server's RSS, heap after GC and
 * threads before (after a small warm-up), with and after them, and the cost per 1,000 connections.
 */
final class IdleScenario implements Scenario {

    @Override
    public void run(Options options, Report report) throws Exception {
        int connections = options.integer("connections", 5000);
        int hold = options.integer("duration-seconds", 10);
        ServerProbe server = new ServerProbe(options.serverPid());
        Deliveries sink = new Deliveries();
        try (Crowd crowd = new Crowd(options, sink)) {
            crowd.awaitServer(60);
            crowd.warmUp(Math.min(connections, 200), server);
            Map<String, Object> before = phase(report, "before", 0, server);
            long start = System.nanoTime();
            List<Client> clients = crowd.open(0, connections);
            double openSeconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(hold * 1000L);
            long open = clients.stream().filter(Client::isOpen).count();
            Map<String, Object> with = phase(report, "open", open, server);
            report.put("serverThreadGroupsWithConnections", server.threadGroups());
            Crowd.closeAll(clients);
            Thread.sleep(3000);
            phase(report, "closed", 0, server);
            report.put("connectionsOpened", clients.size());
            report.put("connectionsStillOpen", open);
            report.put("connectFailures", crowd.failures.get());
            report.put("unexpectedCloses", sink.closes.get());
            report.put("openSeconds", ServerProbe.round(openSeconds));
            perThousand(report, before, with, open);
        }
    }

    private static Map<String, Object> phase(Report report, String name, long open, ServerProbe server) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("phase", name);
        row.put("connections", open);
        row.putAll(server.afterGc());
        report.row(row);
        return row;
    }

    private static void perThousand(Report report, Map<String, Object> before, Map<String, Object> with, long open) {
        if (open == 0 || !before.containsKey("serverRssKb")) {
            return;
        }
        double thousands = open / 1000.0;
        long rss = (long) with.get("serverRssKb") - (long) before.get("serverRssKb");
        long heap = (long) with.get("serverHeapAfterGcKb") - (long) before.get("serverHeapAfterGcKb");
        long threads = (long) with.get("serverThreads") - (long) before.get("serverThreads");
        report.put("rssKbPer1kConnections", Math.round(rss / thousands));
        report.put("heapAfterGcKbPer1kConnections", Math.round(heap / thousands));
        // With a pre-touched heap RSS no longer grows with the heap, so its growth is the off-heap part.
        report.put("kbPerConnectionHeapPlusOffHeap", ServerProbe.round((heap + rss) / (double) open));
        report.put("serverThreadsWithConnections", with.get("serverThreads"));
        report.put("serverThreadsAddedByConnections", threads);
    }
}
