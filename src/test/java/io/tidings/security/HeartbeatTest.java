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
        assertEquals(2, Heartbeat.slices(2_500));
        assertEquals(1, Heartbeat.slices(1_000));
        assertEquals(1, Heartbeat.slices(500));
        assertTrue(30_000 / Heartbeat.slices(30_000) <= Heartbeat.TICK_MS);
        assertTrue(2_500 / Heartbeat.slices(2_500) <= 2 * Heartbeat.TICK_MS);
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
