package io.tidings.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Calls an action at a steady rate for a fixed time, on a timer that ticks every 10 ms. */
final class Pacer {

    private static final long TICK_MS = 10;

    private Pacer() {
    }

    /** Calls {@code action} {@code perSecond} times a second for {@code seconds}; returns how often it called it. */
    static long run(double perSecond, int seconds, Runnable action) throws InterruptedException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Crowd.daemon("pacer"));
        long[] calls = {0};
        long[] failures = {0};
        long start = System.nanoTime();
        ScheduledFuture<?> ticks = timer.scheduleAtFixedRate(() -> {
            double due = (System.nanoTime() - start) / 1e9 * perSecond;
            while (calls[0] < due) {
                calls[0]++;
                try {
                    action.run();
                } catch (RuntimeException failed) {
                    // A failure must not stop the timer (a periodic task that throws never runs again).
                    failures[0]++;
                    if (failures[0] == 1) {
                        failed.printStackTrace();
                    }
                }
            }
        }, 0, TICK_MS, TimeUnit.MILLISECONDS);
        try {
            timer.schedule(() -> ticks.cancel(false), seconds, TimeUnit.SECONDS).get(seconds + 30L, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException impossible) {
            throw new IllegalStateException("the pacer's timer did not stop", impossible);
        } finally {
            timer.shutdownNow();
        }
        if (failures[0] > 0) {
            System.out.println("  " + failures[0] + " paced calls failed");
        }
        return calls[0];
    }
}
