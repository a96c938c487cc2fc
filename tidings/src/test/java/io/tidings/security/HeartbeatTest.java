package io.tidings.security;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeartbeatTest {

    @Test
    void anIntervalIsSpreadOverTicksOfAtMostOneSecond() {
        assertEquals(30, Heartbeat.slices(30_000));
        assertEquals(3, Heartbeat.slices(2_500));
        assertEquals(1, Heartbeat.slices(1_000));
        assertEquals(1, Heartbeat.slices(500));
        assertEquals(1, Heartbeat.slices(1));
        assertEquals(1, Heartbeat.tickMillis(0), "an interval under 1 ms counts as 1 ms");
        for (long interval : new long[]{1, 500, 999, 1_000, 1_001, 2_500, 30_000, 86_400_000}) {
            int slices = Heartbeat.slices(interval);
            long tick = Heartbeat.tickMillis(interval);
            assertTrue(tick <= Heartbeat.TICK_MS, interval + " ms: ticks " + tick + " ms apart");
            assertTrue(slices * tick > interval - slices, interval + " ms: every connection checked within the interval");
        }
    }

    @Test
    void everyConnectionFallsInExactlyOneTickAndTheTicksShareThemEvenly() {
        int slices = Heartbeat.slices(30_000);
        Map<Integer, Integer> perTick = new HashMap<>();
        for (int i = 0; i < 30_000; i++) {
            int slice = Heartbeat.slice(UUID.randomUUID().toString(), slices);
            assertTrue(slice >= 0 && slice < slices, "slice " + slice);
            perTick.merge(slice, 1, Integer::sum);
        }
        assertEquals(slices, perTick.size());
        // 1,000 per tick on average; no tick gets more than half as much again.
        IntStream.range(0, slices).forEach(tick -> assertTrue(perTick.get(tick) < 1_500, "tick " + tick + ": " + perTick.get(tick)));
    }
}
