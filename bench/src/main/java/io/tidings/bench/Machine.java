package io.tidings.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The facts about the machine a result was measured on. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cpus", Runtime.getRuntime().availableProcessors());
        facts.put("cpuModel", procField("/proc/cpuinfo", "model name"));
        facts.put("memTotal", procField("/proc/meminfo", "MemTotal"));
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        facts.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        facts.put("loadAverage", procLine("/proc/loadavg"));
        return facts;
    }

    private static String procField(String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(field)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux: leave the fact out
        }
        return "unknown";
    }

    private static String procLine(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException ignored) {
            return "unknown";
        }
    }
}
