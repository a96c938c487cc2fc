package io.tidings.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The messages of one step, variant or warm-up and what became of them: deliveries on time (before
 * the phase's drain ended), late (after it), duplicates, and at the end of the run the lost ones.
 * Latencies (microseconds) of every delivery of the phase, late ones included, go to its own histogram.
 */
final class Phase {

    private static final long MAX_MICROS = 600_000_000L;

    final String name;
    private final AtomicLong sent = new AtomicLong();
    private final Recorder recorder = new Recorder(MAX_MICROS, 3);
    private final Histogram latency = new Histogram(MAX_MICROS, 3);
    private final AtomicLong expected = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile boolean drained;
    private long missingAtDrain;
    private Map<String, Object> row;

    Phase(String name) {
        this.name = name;
    }

    void register(Deliveries.Sent message) {
        sent.incrementAndGet();
        expected.addAndGet(message.expected());
    }

    /** One delivery of one of this phase's messages; {@code wanted} is false for a duplicate. */
    void arrived(boolean wanted, long nanos) {
        if (!wanted) {
            duplicates.incrementAndGet();
            return;
        }
        recorder.recordValue(Math.min(Math.max(0, nanos / 1000), MAX_MICROS));
        delivered.incrementAndGet();
        if (drained) {
            late.incrementAndGet();
        }
    }

    /** Deliveries of this phase's messages so far (each receiver once). */
    long delivered() {
        return delivered.get();
    }

    long sent() {
        return sent.get();
    }

    long missing() {
        return Math.max(0, expected.get() - delivered.get());
    }

    long late() {
        return late.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    /** Marks the drain over: later deliveries are late. Returns what was missing then. */
    synchronized long drained() {
        drained = true;
        missingAtDrain = missing();
        latency.add(recorder.getIntervalHistogram());
        return missingAtDrain;
    }

    /** Latency of the deliveries recorded so far (up to the drain, or the whole run after {@link #finish}). */
    synchronized Histogram latency() {
        return latency.copy();
    }

    /** The phase's row in the report; {@link #finish} completes it with late and lost deliveries. */
    synchronized Map<String, Object> row() {
        if (row == null) {
            row = new LinkedHashMap<>();
        }
        return row;
    }

    /**
     * The run is over: what is still missing is lost. Updates the row: latency over every delivery
     * (late ones included), deliveries missing at the drain, late and lost. Returns the lost.
     */
    synchronized long finish() {
        if (!drained) {
            drained();
        }
        latency.add(recorder.getIntervalHistogram());
        long lost = missing();
        if (row != null) {
            row.putAll(Report.latency(latency));
            row.put("missingAtDrain", missingAtDrain);
            row.put("late", late.get());
            row.put("lost", lost);
            row.put("duplicates", duplicates.get());
        }
        return lost;
    }

    /** The figures of this phase for its row as of now (before {@link #finish}). */
    synchronized Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>(Report.latency(latency));
        figures.put("missingAtDrain", missingAtDrain);
        return figures;
    }
}
