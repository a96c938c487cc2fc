package io.tidings.bench;

import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tracks every benchmark message from send to its last receiver. Each message carries its key and
 * its send time ({@code System.nanoTime()}, the same process sends and receives) in {@code data};
 * every receiver records the delivery latency. Messages belong to the {@link Phase} (a step, a
 * variant, the warm-up) that was current when they were sent, and every count stays with it.
 * <p>
 * A delivery that arrives after its phase's drain is <em>late</em>; one that has not arrived when
 * the run ends ({@link #finish}) is <em>lost</em>, which includes every delivery to a connection
 * that closed or failed.
 */
final class Deliveries implements Client.Sink {

    private final Map<Long, Sent> sent = new ConcurrentHashMap<>();
    private final List<Phase> phases = new ArrayList<>();
    private final AtomicLong keys = new AtomicLong();
    private volatile Phase current = new Phase("before the first phase");
    private volatile long lastArrival = System.nanoTime();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong closes = new AtomicLong();
    final AtomicLong sendFailures = new AtomicLong();
    final Map<String, AtomicLong> errorCodes = new ConcurrentHashMap<>();

    /** A message sent to {@code expected} receivers; {@code done} runs when the last of them has it. */
    record Sent(Phase phase, int expected, AtomicLong received, Runnable done) {
    }

    /** Starts a phase: messages sent from now on count towards it. */
    synchronized Phase begin(String name) {
        Phase phase = new Phase(name);
        phases.add(phase);
        current = phase;
        return phase;
    }

    /**
     * Registers a message for {@code expected} receivers in the current phase and returns its key.
     * The caller sends it (with {@link #data}) any way it likes.
     */
    long expect(int expected, Runnable done) {
        long key = keys.incrementAndGet();
        Sent message = new Sent(current, expected, new AtomicLong(), done);
        message.phase().register(message);
        sent.put(key, message);
        return key;
    }

    /** The {@code data} object a benchmark message carries: its key and send time. */
    static String data(long key) {
        return "{\"k\":" + key + ",\"t\":" + System.nanoTime() + "}";
    }

    /** Sends a room message from {@code client} that {@code expected} members (the sender included) should receive. */
    long send(Client client, String room, int expected, Runnable done) {
        long key = expect(expected, done);
        String frame = "{\"type\":\"message\",\"room\":\"" + room + "\",\"data\":" + data(key) + "}";
        client.send(frame).whenComplete((ignored, failure) -> {
            if (failure != null) {
                sendFailures.incrementAndGet();
            }
        });
        return key;
    }

    @Override
    public void delivery(Client client, long key, long sentNanos) {
        long now = System.nanoTime();
        Sent message = sent.get(key);
        if (message == null) {
            return;
        }
        lastArrival = now;
        long count = message.received().incrementAndGet();
        message.phase().arrived(count <= message.expected(), now - sentNanos);
        if (count == message.expected() && message.done() != null) {
            message.done().run();
        }
    }

    @Override
    public void frame(Client client, String type, JsonObject frame) {
        if (type.equals("error")) {
            errors.incrementAndGet();
            String code = frame.getJsonObject("data").getString("code", "?");
            errorCodes.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
        }
    }

    @Override
    public void closed(Client client, int code) {
        if (code != 1000) {
            closes.incrementAndGet();
        }
    }

    /**
     * Waits, at most {@code seconds}, until every delivery of {@code phase} arrived, then marks the
     * phase drained (what arrives later is late). Returns the deliveries still missing.
     */
    long drain(Phase phase, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (phase.missing() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return phase.drained();
    }

    /**
     * Ends the run: waits until nothing is missing in any phase, or until no delivery has arrived for
     * {@code quietSeconds} (at most {@code maxSeconds} in all); every phase then counts what never
     * arrived as lost and fills in its row. Returns the total lost.
     */
    long finish(int quietSeconds, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        while (missing() > 0 && System.nanoTime() < deadline
                && System.nanoTime() - lastArrival < quietSeconds * 1_000_000_000L) {
            Thread.sleep(100);
        }
        long lost = 0;
        for (Phase phase : phasesSoFar()) {
            lost += phase.finish();
        }
        return lost;
    }

    long missing() {
        return phasesSoFar().stream().mapToLong(Phase::missing).sum();
    }

    long late() {
        return phasesSoFar().stream().mapToLong(Phase::late).sum();
    }

    long duplicates() {
        return phasesSoFar().stream().mapToLong(Phase::duplicates).sum();
    }

    private synchronized List<Phase> phasesSoFar() {
        return List.copyOf(phases);
    }
}
