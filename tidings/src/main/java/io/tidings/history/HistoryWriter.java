package io.tidings.history;

import io.tidings.platform.Platform;
import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.workers.Worker;
import io.tidings.protocol.Envelope;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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

    ManagedThreadFactory threads = Platform.threadFactory();

    @Inject
    HistoryStore store;

    @Inject
    Settings settings;

    @Inject
    Durability durability;

    private BlockingQueue<Pending> queue;
    private Thread writer;
    private volatile boolean running;

    /** Queues a message for storing; false when the queue is full (the caller reports "busy"). */
    public boolean submit(Envelope message, Outcome outcome) {
        startIfNeeded();
        return queue.offer(new Pending(message, outcome));
    }

    private synchronized void startIfNeeded() {
        if (writer != null && !writer.isAlive() && running) {
            LOG.warning("the history writer thread had ended; starting another");
            writer = null;
        }
        if (writer == null) {
            if (queue == null) {
                queue = new LinkedBlockingQueue<>(settings.integer(Setting.HISTORY_QUEUE_CAPACITY));
            }
            running = true;
            writer = threads.newThread(this::run);
            writer.setName("tidings-history-writer");
            writer.start();
        }
    }

    private void run() {
        int batchSize = settings.integer(Setting.HISTORY_BATCH_SIZE);
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                    write(batch);
                    batch.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                // write() fails a batch's messages itself; this is a failure outside it: the batch's
                // senders are told, the writer goes on with the next batch.
                LOG.log(Level.SEVERE, "the history writer failed on a batch of " + batch.size() + "; it goes on", e);
                batch.forEach(p -> safely(() -> p.outcome().failed(p.message(), "the message could not be stored")));
                batch.clear();
            }
        }
        List<Pending> left = new ArrayList<>(batch);
        queue.drainTo(left);
        left.forEach(p -> p.outcome().failed(p.message(), "the server is shutting down"));
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
    public synchronized boolean running() {
        return writer == null || writer.isAlive();
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
