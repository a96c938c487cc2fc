package io.tidings.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Calls an action at a steady rate for a fixed time, on a timer that ticks every 10 ms. */
final class Pacer {

    private static final long TICK_MS = 10;

    private Pacer() {
    }

    /** Calls {@code action} {@code perSecond} times a second for {@code seconds}; returns how often it called it. */
    static long run(double perSecond, int seconds, Runnable action) throws InterruptedException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Crowd.daemon("pacer"));
        long[] calls = {0};
        long start = System.nanoTime();
        ScheduledFuture<?> ticks = timer.scheduleAtFixedRate(() -> {
            double due = (System.nanoTime() - start) / 1e9 * perSecond;
            while (calls[0] < due) {
                calls[0]++;
                action.run();
            }
        }, 0, TICK_MS, TimeUnit.MILLISECONDS);
        timer.schedule(() -> ticks.cancel(false), seconds, TimeUnit.SECONDS);
        timer.shutdown();
        if (!timer.awaitTermination(seconds + 30L, TimeUnit.SECONDS)) {
            timer.shutdownNow();
        }
        return calls[0];
    }
}
