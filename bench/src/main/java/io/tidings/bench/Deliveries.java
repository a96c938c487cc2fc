package io.tidings.bench;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tracks every benchmark message from send to its last receiver. Each message carries its key and
 * its send time ({@code System.nanoTime()}, the same process sends and receives) in {@code data};
 * every receiver records the delivery latency in microseconds. A message is lost for every
 * expected receiver that never got it.
 */
final class Deliveries implements Client.Sink {

    private static final long MAX_MICROS = 600_000_000L;

    private final Recorder recorder = new Recorder(MAX_MICROS, 3);
    private final Map<Long, Sent> sent = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong closes = new AtomicLong();
    final AtomicLong sendFailures = new AtomicLong();
    final Map<String, AtomicLong> errorCodes = new ConcurrentHashMap<>();

    /** A message sent to {@code expected} receivers; {@code done} runs when the last of them has it. */
    static final class Sent {
        final int expected;
        final AtomicInteger received = new AtomicInteger();
        final Runnable done;

        Sent(int expected, Runnable done) {
            this.expected = expected;
            this.done = done;
        }
    }

    /** Sends a room message from {@code client} that {@code expected} members (the sender included) should receive. */
    long send(Client client, String room, int expected, Runnable done) {
        long key = keys.incrementAndGet();
        sent.put(key, new Sent(expected, done));
        String frame = "{\"type\":\"message\",\"room\":\"" + room + "\",\"data\":{\"k\":" + key + ",\"t\":" + System.nanoTime() + "}}";
        client.send(frame).whenComplete((ignored, failure) -> {
            if (failure != null) {
                sendFailures.incrementAndGet();
            }
        });
        return key;
    }

    @Override
    public void frame(Client client, String type, JsonObject frame) {
        if (type.equals("message")) {
            received(frame.get("data"));
        } else if (type.equals("error")) {
            errors.incrementAndGet();
            String code = frame.getJsonObject("data").getString("code", "?");
            errorCodes.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
        }
    }

    private void received(JsonValue data) {
        long now = System.nanoTime();
        if (!(data instanceof JsonObject object) || !(object.get("k") instanceof JsonNumber key)) {
            return;
        }
        Sent message = sent.get(key.longValue());
        if (message == null) {
            return;
        }
        long micros = Math.max(0, (now - object.getJsonNumber("t").longValue()) / 1000);
        recorder.recordValue(Math.min(micros, MAX_MICROS));
        delivered.incrementAndGet();
        if (message.received.incrementAndGet() == message.expected && message.done != null) {
            message.done.run();
        }
    }

    @Override
    public void closed(Client client, int code) {
        if (code != 1000) {
            closes.incrementAndGet();
        }
    }

    /** Latencies recorded since the previous call. */
    Histogram interval() {
        return recorder.getIntervalHistogram();
    }

    /** Receivers still missing, over every message sent so far. */
    long missing() {
        long missing = 0;
        for (Sent message : sent.values()) {
            missing += Math.max(0, message.expected - message.received.get());
        }
        return missing;
    }

    long duplicates() {
        long duplicates = 0;
        for (Sent message : sent.values()) {
            duplicates += Math.max(0, message.received.get() - message.expected);
        }
        return duplicates;
    }

    long sentCount() {
        return sent.size();
    }

    /** Waits, at most {@code seconds}, until nothing is missing; returns what is still missing. */
    long drain(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long missing = missing();
        while (missing > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            missing = missing();
        }
        return missing;
    }
}
