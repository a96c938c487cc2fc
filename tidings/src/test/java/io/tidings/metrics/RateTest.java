package io.tidings.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateTest {

    private final Counter counter = new SimpleMeterRegistry().counter("c");
    private final Rate rate = new Rate(counter);

    @Test
    void noRateBeforeTwoSamples() {
        assertEquals(0, rate.perSecond());
        counter.increment(5);
        rate.sample();
        assertEquals(0, rate.perSecond());
    }

    @Test
    void rateIsOverTheSamplesThereAreUntilTheWindowFills() {
        rate.sample();
        counter.increment(30);
        rate.sample();
        counter.increment(10);
        rate.sample();
        assertEquals(20, rate.perSecond(), 1e-9);
    }

    @Test
    void oldSamplesLeaveTheWindow() {
        rate.sample();
        counter.increment(1_000);
        for (int second = 0; second < Rate.WINDOW; second++) {
            rate.sample();
        }
        assertEquals(100, rate.perSecond(), 1e-9, "1000 over the first ten seconds");
        counter.increment(20);
        rate.sample();
        assertEquals(2, rate.perSecond(), 1e-9, "the burst has left the window; 20 in the last ten seconds remain");
    }
}
