package io.tidings.workers;

import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A long-lived background task of Tidings (the history writer, the heartbeat, the stalled-send
 * check ...). Each survives the failure of one item; readiness ({@code /api/health/ready}) asks
 * every worker and answers 503 while one is not running.
 */
public interface Worker {

    /** The name readiness lists it under. */
    String workerName();

    /** Whether it runs; a worker that starts on its first use counts as running until then. */
    boolean running();

    /**
     * A repeating task's round that never ends the repetition: a failure of one round (any
     * exception or error) is logged, and the next round runs as scheduled.
     */
    static Runnable guarded(Runnable round, Logger log, String what) {
        return () -> {
            try {
                round.run();
            } catch (RuntimeException | Error e) {
                log.log(Level.WARNING, what + " failed; it goes on at the next round", e);
            }
        };
    }

    /** Whether a repeating task scheduled as {@code future} still runs (not yet scheduled counts as running). */
    static boolean repeating(Future<?> future) {
        return future == null || !future.isDone();
    }
}
