package io.tidings.metrics;

import io.micrometer.core.instrument.Counter;

/**
 * A counter's rate per second over the last {@value #WINDOW} seconds, from one sample a second:
 * the figure a dashboard without Prometheus's {@code rate()} wants. Before the window has filled,
 * the rate is over the samples there are.
 */
final class Rate {

    static final int WINDOW = 10;

    private final Counter counter;
    private final double[] samples = new double[WINDOW + 1];
    private int next;
    private int filled;

    Rate(Counter counter) {
        this.counter = counter;
    }

    synchronized void sample() {
        samples[next] = counter.count();
        next = (next + 1) % samples.length;
        filled = Math.min(filled + 1, samples.length);
    }

    synchronized double perSecond() {
        if (filled < 2) {
            return 0;
        }
        double newest = samples[(next - 1 + samples.length) % samples.length];
        double oldest = samples[filled < samples.length ? 0 : next];
        return (newest - oldest) / (filled - 1);
    }
}
