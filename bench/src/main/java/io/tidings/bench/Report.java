package io.tidings.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's result: the machine, the options, summary figures and a table of rows (one per step or
 * sample). Written as {@code <scenario>-<container>-<timestamp>.json}, a Markdown summary next to it
 * and, where asked for, a PNG chart.
 */
final class Report {

    private final String name;
    private final Options options;
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<Chart> charts = new ArrayList<>();

    Report(Options options) {
        this.options = options;
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        this.name = options.scenario() + "-" + options.container() + "-" + stamp;
        summary.put("scenario", options.scenario());
        summary.put("container", options.container());
        summary.put("startedAt", Instant.now().toString());
        summary.put("machine", Machine.facts());
        summary.put("options", new LinkedHashMap<>(options.values()));
        summary.put("generatorTransport", Crowd.transport(options));
    }

    void put(String key, Object value) {
        summary.put(key, value);
    }

    void row(Map<String, Object> row) {
        rows.add(row);
        System.out.println("  " + row);
    }

    void chart(Chart chart) {
        charts.add(chart);
    }

    /** p50, p99, p99.9 and max of a latency histogram in microseconds, as milliseconds. */
    static Map<String, Object> latency(Histogram micros) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("deliveries", micros.getTotalCount());
        figures.put("p50Ms", ms(micros.getValueAtPercentile(50)));
        figures.put("p99Ms", ms(micros.getValueAtPercentile(99)));
        figures.put("p999Ms", ms(micros.getValueAtPercentile(99.9)));
        figures.put("maxMs", ms(micros.getMaxValue()));
        return figures;
    }

    private static double ms(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }

    Path write() throws IOException {
        summary.put("finishedAt", Instant.now().toString());
        Path dir = options.out();
        Files.createDirectories(dir);
        Path json = dir.resolve(name + ".json");
        Files.writeString(json, json());
        String markdown = markdown();
        Files.writeString(dir.resolve(name + ".md"), markdown);
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).write(rows, dir.resolve(name + (i == 0 ? "" : "-" + i) + ".png"));
        }
        System.out.println(markdown);
        System.out.println("written: " + json);
        return json;
    }

    private String json() {
        JsonObjectBuilder root = Json.createObjectBuilder(summaryForJson());
        JsonArrayBuilder table = Json.createArrayBuilder();
        rows.forEach(row -> table.add(Json.createObjectBuilder(row)));
        root.add("rows", table);
        StringWriter out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.writeObject(root.build());
        }
        return out.toString();
    }

    private Map<String, Object> summaryForJson() {
        Map<String, Object> copy = new LinkedHashMap<>(summary);
        copy.replaceAll((key, value) -> value == null ? JsonValue.NULL : value);
        return copy;
    }

    private String markdown() {
        StringBuilder md = new StringBuilder("## " + name + "\n\n| figure | value |\n|---|---|\n");
        summary.forEach((key, value) -> {
            if (!(value instanceof Map)) {
                md.append("| ").append(key).append(" | ").append(value).append(" |\n");
            }
        });
        md.append("\nMachine: ").append(summary.get("machine")).append("\n\n");
        if (!rows.isEmpty()) {
            List<String> columns = new ArrayList<>(rows.get(0).keySet());
            md.append("| ").append(String.join(" | ", columns)).append(" |\n|");
            md.append("---|".repeat(columns.size())).append('\n');
            for (Map<String, Object> row : rows) {
                md.append("| ");
                columns.forEach(column -> md.append(row.getOrDefault(column, "")).append(" | "));
                md.append('\n');
            }
        }
        return md.toString();
    }
}
