package io.tidings.workers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bounded queue worked off in order, in batches, by one thread of its own: whatever queued up
 * while the previous batch ran is the next batch. The thread starts with the first item; a batch
 * that fails is handed to {@code failed} and the thread goes on; should the thread still end, the
 * next item starts another. {@link #running()} is what readiness reports.
 *
 * @param <T> the items
 */
public final class SerialQueue<T> {

    private final String threadName;
    private final ThreadFactory threads;
    private final IntSupplier capacity;
    private final IntSupplier batchSize;
    private final Consumer<List<T>> work;
    private final Failed<T> failed;

    /** Where items go that were not worked on. */
    public interface Failed<T> {
        /** {@code batch} was not worked on: its work threw, or ({@code stopping}) the queue stopped first. */
        void accept(List<T> batch, boolean stopping);
    }
    private final Logger log;

    private BlockingQueue<T> queue;
    private Thread thread;
    private volatile boolean running;

    /**
     * @param work   runs each batch, oldest first
     * @param failed gets a batch whose work threw, and what is left when the queue stops
     */
    public SerialQueue(String threadName, ThreadFactory threads, IntSupplier capacity, IntSupplier batchSize,
                       Consumer<List<T>> work, Failed<T> failed, Logger log) {
        this.threadName = threadName;
        this.threads = threads;
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.work = work;
        this.failed = failed;
        this.log = log;
    }

    /** Queues an item; false when the queue is full. */
    public boolean offer(T item) {
        startIfNeeded();
        return queue.offer(item);
    }

    private synchronized void startIfNeeded() {
        if (thread != null && !thread.isAlive() && running) {
            log.warning(() -> "the thread " + threadName + " had ended; starting another");
            thread = null;
        }
        if (thread == null) {
            if (queue == null) {
                queue = new LinkedBlockingQueue<>(capacity.getAsInt());
            }
            running = true;
            thread = threads.newThread(this::run);
            thread.setName(threadName);
            thread.start();
        }
    }

    private void run() {
        int size = batchSize.getAsInt();
        List<T> batch = new ArrayList<>(size);
        while (running) {
            try {
                T first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, size - 1);
                    work.accept(batch);
                    batch.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                log.log(Level.SEVERE, threadName + " failed on a batch of " + batch.size() + "; it goes on", e);
                fail(batch, false);
                batch.clear();
            }
        }
        List<T> left = new ArrayList<>(batch);
        queue.drainTo(left);
        fail(left, true);
    }

    private void fail(List<T> batch, boolean stopping) {
        try {
            failed.accept(batch, stopping);
        } catch (RuntimeException | Error e) {
            log.log(Level.WARNING, threadName + " could not report a failed batch", e);
        }
    }

    /** Running, or not started yet (it starts with the first item). */
    public synchronized boolean running() {
        return thread == null || thread.isAlive();
    }

    /** Stops the thread (waiting up to 10 s); what is still queued goes to {@code failed}. */
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
