package io.tidings.connections;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * One connection's outbound path: a bounded queue drained by asynchronous sends, one in flight.
 * Callers never block. When the queue is full, queued ephemeral frames are dropped first; if that
 * does not make room the path gives up and reports an overflow, and the connection is closed.
 * <p>
 * Containers may complete an asynchronous send on the calling thread (Tyrus often does), so the
 * completion of a send made inside {@link #pump} is handled by the pump loop instead of recursing.
 */
final class Outbound implements SendHandler {

    /** Why the path gave up. */
    enum Failure {
        /** The queue was full (after dropping ephemeral frames): the peer does not read fast enough. */
        OVERFLOW,
        /** The container failed a send or threw from it. */
        SEND_FAILED
    }

    /** A queued frame: text or binary, its size, and whether it may be dropped under pressure. */
    record Frame(Object payload, int bytes, boolean ephemeral) {
        static Frame text(String text, boolean ephemeral) {
            return new Frame(text, text.length() * 2, ephemeral);
        }

        static Frame binary(ByteBuffer data) {
            return new Frame(data, data.remaining(), false);
        }
    }

    /**
     * Payara (Tyrus): every send restarts the session's idle timer, a task on the default managed
     * scheduled executor, and Payara captures the sending thread's context for each such task with a
     * {@code ServiceLoader} lookup through the thread's context class loader. Through the web
     * application's class loader that lookup scans every jar it can see, and cost several times the
     * send itself. Sends are therefore made with a context class loader that sees no jars. The timer
     * task does nothing while the session has no idle timeout (Tidings keeps its own).
     */
    private static final ClassLoader NO_JARS = new ClassLoader(null) {
    };

    private final ClassLoader application = Thread.currentThread().getContextClassLoader();
    private final RemoteEndpoint.Async remote;
    private final int maxMessages;
    private final long maxBytes;
    private final Consumer<Failure> onFailure;
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean sending;
    /** When the send in flight was handed to the container ({@link System#nanoTime()}); valid while {@link #sending}. */
    private long sendingSince;
    private boolean closed;
    /** While held, frames are queued but not sent (a new connection until it is announced). */
    private boolean held;
    private Thread pumpThread;
    private boolean completedInline;
    private long dropped;
    private Runnable onDrop = () -> { };

    Outbound(RemoteEndpoint.Async remote, int maxMessages, long maxBytes, Consumer<Failure> onFailure) {
        this.remote = remote;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.onFailure = onFailure;
    }

    /** Queues a frame. Returns false when the frame was refused because the path is closed or overflowed. */
    boolean offer(Frame frame) {
        Frame first;
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (!sending && !held) {
                sending = true;
                sendingSince = System.nanoTime();
                first = frame;
            } else if (makeRoomFor(frame)) {
                enqueue(frame);
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

    private boolean makeRoomFor(Frame frame) {
        if (fits(frame)) {
            return true;
        }
        for (Iterator<Frame> it = queue.iterator(); it.hasNext() && !fits(frame); ) {
            Frame queued = it.next();
            if (queued.ephemeral()) {
                it.remove();
                queuedBytes -= queued.bytes();
                dropped++;
                onDrop.run();
            }
        }
        if (fits(frame)) {
            return true;
        }
        if (frame.ephemeral()) {
            dropped++;
            onDrop.run();
            return true; // dropping an ephemeral frame is not an overflow; enqueue() below ignores it
        }
        return false;
    }

    private boolean fits(Frame frame) {
        return queue.size() < maxMessages && queuedBytes + frame.bytes() <= maxBytes;
    }

    private void enqueue(Frame frame) {
        if (fits(frame)) {
            queue.add(frame);
            queuedBytes += frame.bytes();
        }
    }

    private void pump(Frame first) {
        Frame frame = first;
        while (frame != null) {
            synchronized (this) {
                pumpThread = Thread.currentThread();
                completedInline = false;
            }
            send(frame);
            synchronized (this) {
                if (pumpThread == Thread.currentThread()) {
                    pumpThread = null;
                }
                frame = completedInline ? next() : null;
            }
        }
    }

    private void send(Frame frame) {
        try {
            withoutJars(() -> {
                if (frame.payload() instanceof String text) {
                    remote.sendText(text, this);
                } else {
                    remote.sendBinary((ByteBuffer) frame.payload(), this);
                }
            });
        } catch (RuntimeException | Error e) {
            // Whatever the container throws (Tyrus throws java.lang.Error for a string it cannot
            // encode) fails this connection, never the thread that was sending: the history writer,
            // a request thread, a fan-out.
            onResult(new SendResult(e));
        }
    }

    /** Runs a call into the container that sends, with the context class loader {@link #NO_JARS}. */
    static void withoutJars(Runnable send) {
        Thread thread = Thread.currentThread();
        ClassLoader loader = thread.getContextClassLoader();
        thread.setContextClassLoader(NO_JARS);
        try {
            send.run();
        } finally {
            thread.setContextClassLoader(loader);
        }
    }

    /** Reports a failure with the application's context class loader, also when a send failed inline. */
    private void failed(Failure why) {
        Thread thread = Thread.currentThread();
        ClassLoader loader = thread.getContextClassLoader();
        thread.setContextClassLoader(application);
        try {
            onFailure.accept(why);
        } finally {
            thread.setContextClassLoader(loader);
        }
    }

    @Override
    public void onResult(SendResult result) {
        if (!result.isOK()) {
            synchronized (this) {
                closed = true;
                queue.clear();
                sending = false;
            }
            failed(Failure.SEND_FAILED);
            return;
        }
        Frame frame;
        synchronized (this) {
            if (pumpThread == Thread.currentThread()) {
                completedInline = true;
                return;
            }
            frame = next();
        }
        pump(frame);
    }

    /** Takes the next frame to send, or marks the path idle. Call with the lock held. */
    private Frame next() {
        Frame frame = queue.poll();
        if (frame == null) {
            sending = false;
        } else {
            queuedBytes -= frame.bytes();
            sendingSince = System.nanoTime();
        }
        return frame;
    }

    /** Queues frames without sending them until {@link #release()}; call before the first {@link #offer}. */
    synchronized void hold() {
        held = true;
    }

    /** Starts sending what was queued while held. */
    void release() {
        Frame first;
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

    /** Nanoseconds the send in flight has been waiting for the container to complete it; 0 when none is. */
    synchronized long sendingFor(long nowNanos) {
        return sending && !closed ? nowNanos - sendingSince : 0;
    }

    /** Called (with the path's lock held: keep it cheap) for every ephemeral frame dropped. */
    synchronized void onDrop(Runnable callback) {
        onDrop = callback;
    }

    synchronized int queued() {
        return queue.size();
    }

    synchronized long dropped() {
        return dropped;
    }

    synchronized void close() {
        closed = true;
        queue.clear();
        queuedBytes = 0;
    }
}
