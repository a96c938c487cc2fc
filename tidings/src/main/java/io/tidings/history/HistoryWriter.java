package io.tidings.history;

import io.tidings.platform.Platform;
import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.workers.SerialQueue;
import io.tidings.workers.Worker;
import io.tidings.protocol.Envelope;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores room messages in batches on one writer thread: whatever has queued up while the previous
 * batch was being written goes into the next transaction, so the database does not cap the
 * message rate. Callbacks run on the writer thread in submission order, after the commit.
 * <p>
 * A failing batch or callback fails its own messages only; should the thread still end, the next
 * submission starts another, and readiness reports the writer down until then.
 */
@ApplicationScoped
public class HistoryWriter implements Worker {

    /** What to do once a message is stored, or when storing it failed. */
    public interface Outcome {
        void stored(Envelope message);

        void failed(Envelope message, String reason);
    }

    private record Pending(Envelope message, Outcome outcome) {
    }

    private static final Logger LOG = Logger.getLogger(HistoryWriter.class.getName());

    @Inject
    HistoryStore store;

    @Inject
    Settings settings;

    @Inject
    Durability durability;

    private final SerialQueue<Pending> queue = new SerialQueue<>("tidings-history-writer", Platform.threadFactory(),
            () -> settings.integer(Setting.HISTORY_QUEUE_CAPACITY), () -> settings.integer(Setting.HISTORY_BATCH_SIZE),
            this::write, this::failed, LOG);

    /** Queues a message for storing; false when the queue is full (the caller reports "busy"). */
    public boolean submit(Envelope message, Outcome outcome) {
        return queue.offer(new Pending(message, outcome));
    }

    /** A batch that failed outside {@link #write}, or what was left when the server stopped. */
    private void failed(List<Pending> batch, boolean stopping) {
        String reason = stopping ? "the server is shutting down" : "the message could not be stored";
        batch.forEach(p -> safely(() -> p.outcome().failed(p.message(), reason)));
    }

    private void write(List<Pending> batch) {
        try {
            store.storeAll(batch.stream().map(Pending::message).toList());
            durability.committed(); // an ack means stored: on disk, not in a write buffer
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "storing " + batch.size() + " room messages failed", e);
            batch.forEach(p -> safely(() -> p.outcome().failed(p.message(), "the message could not be stored")));
            return;
        }
        batch.forEach(p -> safely(() -> p.outcome().stored(p.message())));
    }

    private static void safely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "a history callback failed", e);
        }
    }

    @Override
    public String workerName() {
        return "history-writer";
    }

    /** Running, or not started yet (it starts with the first message). */
    @Override
    public boolean running() {
        return queue.running();
    }

    @PreDestroy
    void stop() {
        queue.stop();
    }
}
