package io.tidings.connections;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * The outbound path of one client, whatever carries it (a WebSocket, an SSE stream): a queue
 * bounded by count and by bytes, drained by a {@link Transport} one send at a time. Callers never
 * block. When the queue is full, queued ephemeral frames are dropped first; if that does not make
 * room the path gives up, reports {@link Failure#OVERFLOW} and refuses everything after.
 * <p>
 * A transport may complete a send on the calling thread (Tyrus often does), so the completion of a
 * send made inside {@link #pump} is handled by the pump loop instead of recursing.
 *
 * @param <T> what the transport sends: text or binary frames, SSE events
 */
public final class OutboundQueue<T> {

    /** Why the path gave up. */
    public enum Failure {
        /** The queue was full (after dropping ephemeral frames): the peer does not read fast enough. */
        OVERFLOW,
        /** The transport failed a send or threw from it. */
        SEND_FAILED
    }

    /** What the queue hands its items to. */
    public interface Transport<T> {
        /**
         * Starts sending {@code item}; reports the outcome to {@code done} exactly once, on this thread
         * or another. May throw instead of reporting: that is a failed send. The queue makes one send
         * at a time and passes the same {@code done} to each.
         */
        void send(T item, Done done);
    }

    /** The outcome of one send. */
    public interface Done {
        void sent(boolean ok);
    }

    /** A queued item, its size in bytes, and whether it may be dropped under pressure. */
    private record Item<T>(T payload, long bytes, boolean ephemeral) {
    }

    private final Transport<T> transport;
    private final int maxItems;
    private final long maxBytes;
    private final Consumer<Failure> onFailure;
    private final Runnable onDrop;
    private final ArrayDeque<Item<T>> queue = new ArrayDeque<>();
    /** The outcome of the send in flight; one object for every send, as one is in flight at a time. */
    private final Done done = this::completed;
    private long queuedBytes;
    private boolean sending;
    /** When the send in flight was handed to the transport ({@link System#nanoTime()}); valid while {@link #sending}. */
    private long sendingSince;
    private boolean closed;
    /** While held, items are queued but not sent (a new connection until it is announced). */
    private boolean held;
    private Thread pumpThread;
    private boolean completedInline;
    private long dropped;

    /**
     * @param onFailure told once, without the queue's lock, when the path gives up
     * @param onDrop    told of every ephemeral item dropped, with the queue's lock held: keep it cheap
     */
    public OutboundQueue(Transport<T> transport, int maxItems, long maxBytes, Consumer<Failure> onFailure, Runnable onDrop) {
        this.transport = transport;
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
        this.onFailure = onFailure;
        this.onDrop = onDrop;
    }

    /**
     * Queues an item of about {@code bytes} bytes. Returns false when it was refused because the
     * path is closed or has just overflowed; an ephemeral item dropped for want of room counts as taken.
     */
    public boolean offer(T payload, long bytes, boolean ephemeral) {
        Item<T> item = new Item<>(payload, bytes, ephemeral);
        Item<T> first;
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (!sending && !held) {
                sending = true;
                sendingSince = System.nanoTime();
                first = item;
            } else if (makeRoomFor(item)) {
                enqueue(item);
                return true;
            } else {
                closed = true;
                queue.clear();
                queuedBytes = 0;
                first = null;
            }
        }
        if (first == null) {
            onFailure.accept(Failure.OVERFLOW);
            return false;
        }
        pump(first);
        return true;
    }

    private boolean makeRoomFor(Item<T> item) {
        if (fits(item)) {
            return true;
        }
        for (Iterator<Item<T>> it = queue.iterator(); it.hasNext() && !fits(item); ) {
            Item<T> queued = it.next();
            if (queued.ephemeral()) {
                it.remove();
                queuedBytes -= queued.bytes();
                drop();
            }
        }
        if (fits(item)) {
            return true;
        }
        if (item.ephemeral()) {
            drop();
            return true; // dropping an ephemeral item is not an overflow; enqueue() below ignores it
        }
        return false;
    }

    private void drop() {
        dropped++;
        onDrop.run();
    }

    private boolean fits(Item<T> item) {
        return queue.size() < maxItems && queuedBytes + item.bytes() <= maxBytes;
    }

    private void enqueue(Item<T> item) {
        if (fits(item)) {
            queue.add(item);
            queuedBytes += item.bytes();
        }
    }

    private void pump(Item<T> first) {
        Item<T> item = first;
        while (item != null) {
            synchronized (this) {
                pumpThread = Thread.currentThread();
                completedInline = false;
            }
            send(item);
            synchronized (this) {
                if (pumpThread == Thread.currentThread()) {
                    pumpThread = null;
                }
                item = completedInline ? next() : null;
            }
        }
    }

    private void send(Item<T> item) {
        try {
            transport.send(item.payload(), done);
        } catch (RuntimeException | Error e) {
            // Whatever the transport throws (Tyrus throws java.lang.Error for a string it cannot
            // encode) fails this client, never the thread that was sending: the history writer,
            // a request thread, a fan-out.
            completed(false);
        }
    }

    private void completed(boolean ok) {
        if (!ok) {
            synchronized (this) {
                closed = true;
                queue.clear();
                queuedBytes = 0;
                sending = false;
            }
            onFailure.accept(Failure.SEND_FAILED);
            return;
        }
        Item<T> item;
        synchronized (this) {
            if (pumpThread == Thread.currentThread()) {
                completedInline = true;
                return;
            }
            item = next();
        }
        pump(item);
    }

    /** Takes the next item to send, or marks the path idle. Call with the lock held. */
    private Item<T> next() {
        Item<T> item = closed ? null : queue.poll();
        if (item == null) {
            sending = false;
        } else {
            queuedBytes -= item.bytes();
            sendingSince = System.nanoTime();
        }
        return item;
    }

    /** Queues items without sending them until {@link #release()}; call before the first {@link #offer}. */
    public synchronized void hold() {
        held = true;
    }

    /** Starts sending what was queued while held. */
    public void release() {
        Item<T> first;
        synchronized (this) {
            if (!held) {
                return;
            }
            held = false;
            if (sending || closed) {
                return;
            }
            sending = true;
            first = next();
        }
        if (first != null) {
            pump(first);
        }
    }

    /** Nanoseconds the send in flight has been waiting for the transport to complete it; 0 when none is. */
    public synchronized long sendingFor(long nowNanos) {
        return sending && !closed ? nowNanos - sendingSince : 0;
    }

    public synchronized int queued() {
        return queue.size();
    }

    public synchronized long dropped() {
        return dropped;
    }

    public synchronized boolean closed() {
        return closed;
    }

    /** Refuses everything from now on and forgets what was queued. */
    public synchronized void close() {
        closed = true;
        queue.clear();
        queuedBytes = 0;
    }
}
