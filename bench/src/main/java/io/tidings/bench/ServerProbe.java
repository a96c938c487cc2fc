package io.tidings.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server JVM's figures, read on the same machine: RSS and threads from {@code /proc/<pid>/status},
 * CPU time from {@code /proc/<pid>/stat}, heap after a full GC from {@code jcmd}. Without a pid every
 * figure is absent. The load generator's own CPU use is sampled next to the server's: both share the
 * machine's cores.
 */
final class ServerProbe {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final Pattern THREAD_NAME = Pattern.compile("(?m)^\"([^\"]*)\"");
    private static final long TICKS_PER_SECOND = 100;

    private static final long GENERATOR = ProcessHandle.current().pid();

    private final long pid;
    private long lastTicks;
    private long lastGeneratorTicks;
    private long lastNanos;
    private long lastAllocated = -1;
    private javax.management.MBeanServerConnection jmx;
    private boolean jmxTried;

    ServerProbe(long pid) {
        this.pid = pid;
        if (pid > 0) {
            lastTicks = cpuTicks(pid);
            lastGeneratorTicks = cpuTicks(GENERATOR);
            lastNanos = System.nanoTime();
            lastAllocated = allocatedBytes();
        }
    }

    boolean present() {
        return pid > 0;
    }

    /**
     * RSS and threads now, and the server's and the load generator's CPU use (percent of one core)
     * since the previous call.
     */
    Map<String, Object> sample() {
        Map<String, Object> figures = new LinkedHashMap<>();
        if (pid <= 0) {
            return figures;
        }
        long ticks = cpuTicks(pid);
        long generatorTicks = cpuTicks(GENERATOR);
        long nanos = System.nanoTime();
        double seconds = (nanos - lastNanos) / 1e9;
        figures.put("serverCpuPercent", round(100.0 * (ticks - lastTicks) / TICKS_PER_SECOND / seconds));
        figures.put("serverCpuMs", (ticks - lastTicks) * 1000 / TICKS_PER_SECOND);
        long allocated = allocatedBytes();
        if (allocated >= 0 && lastAllocated >= 0) {
            figures.put("serverAllocatedKb", (allocated - lastAllocated) / 1024);
        }
        lastAllocated = allocated;
        figures.put("generatorCpuPercent", round(100.0 * (generatorTicks - lastGeneratorTicks) / TICKS_PER_SECOND / seconds));
        lastTicks = ticks;
        lastGeneratorTicks = generatorTicks;
        lastNanos = nanos;
        figures.put("serverRssKb", status("VmRSS"));
        figures.put("serverThreads", status("Threads"));
        return figures;
    }

    /**
     * Adds the server's cost per delivered frame to a step's row from the figures of {@link #sample()}:
     * CPU microseconds and allocated bytes per delivery, and allocated bytes per message sent.
     */
    static void perDelivery(Map<String, Object> row, Map<String, Object> figures, long sent, long delivered) {
        if (delivered <= 0 || !figures.containsKey("serverCpuMs")) {
            return;
        }
        row.put("serverCpuUsPerDelivery", round((long) figures.get("serverCpuMs") * 1000.0 / delivered));
        Object allocatedKb = figures.get("serverAllocatedKb");
        if (allocatedKb != null) {
            row.put("serverAllocBytesPerDelivery", Math.round((long) allocatedKb * 1024.0 / delivered));
            row.put("serverAllocKbPerMessage", round((long) allocatedKb / (double) Math.max(1, sent)));
        }
    }

    /**
     * Bytes the server's threads allocated on the heap since it started (HotSpot's
     * {@code ThreadMXBean.getTotalThreadAllocatedBytes}, read over a local JMX connection the attach
     * API opens), or -1 when it cannot be read.
     */
    private long allocatedBytes() {
        if (!jmxTried) {
            jmxTried = true;
            try {
                var vm = com.sun.tools.attach.VirtualMachine.attach(Long.toString(pid));
                String address = vm.startLocalManagementAgent();
                vm.detach();
                jmx = javax.management.remote.JMXConnectorFactory.connect(new javax.management.remote.JMXServiceURL(address))
                        .getMBeanServerConnection();
            } catch (Exception | LinkageError unavailable) {
                System.out.println("  no allocation figures: " + unavailable);
            }
        }
        if (jmx == null) {
            return -1;
        }
        try {
            return (long) jmx.getAttribute(new javax.management.ObjectName("java.lang:type=Threading"), "TotalThreadAllocatedBytes");
        } catch (Exception unavailable) {
            return -1;
        }
    }

    /** Runs a full GC in the server and returns the heap in use afterwards, in KB (-1 if unknown). */
    long heapAfterGcKb() {
        if (pid <= 0) {
            return -1;
        }
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    /** Everything at once, after a full GC. */
    Map<String, Object> afterGc() {
        Map<String, Object> figures = new LinkedHashMap<>();
        if (pid > 0) {
            figures.put("serverHeapAfterGcKb", heapAfterGcKb());
            figures.putAll(sample());
        }
        return figures;
    }

    /**
     * The server's threads grouped by name with the numbers taken out ({@code http-thread-pool::http-listener(#)}),
     * largest groups first, at most ten: where threads come from when their count grows.
     */
    String threadGroups() {
        if (pid <= 0) {
            return "";
        }
        Map<String, Integer> groups = new java.util.HashMap<>();
        Matcher name = THREAD_NAME.matcher(jcmd("Thread.print"));
        while (name.find()) {
            groups.merge(name.group(1).replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        return groups.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining("; "));
    }

    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
            return -1;
        } catch (IOException gone) {
            return -1;
        }
    }

    private static long cpuTicks(long process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process), "stat"));
            // The command name may contain spaces; the fields after it are fixed: utime is 14th, stime 15th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException gone) {
            return 0;
        }
    }

    private String jcmd(String command) {
        try {
            Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return output;
        } catch (IOException | InterruptedException failed) {
            return "";
        }
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
