package io.tidings.connections;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * How a connection's {@link OutboundQueue} reaches its WebSocket: text and binary frames through
 * the session's asynchronous remote, one at a time, and nothing else.
 */
final class SocketTransport implements OutboundQueue.Transport<Object>, SendHandler {

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
    /** The outcome of the send in flight: the queue's, the same for every send. */
    private volatile OutboundQueue.Done done;

    SocketTransport(RemoteEndpoint.Async remote) {
        this.remote = remote;
    }

    @Override
    public void send(Object payload, OutboundQueue.Done done) {
        this.done = done;
        withoutJars(() -> {
            if (payload instanceof String text) {
                remote.sendText(text, this);
            } else {
                remote.sendBinary((ByteBuffer) payload, this);
            }
        });
    }

    @Override
    public void onResult(SendResult result) {
        done.sent(result.isOK());
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

    /** {@code failure}, run with the application's context class loader, also when a send failed inline. */
    <T> Consumer<T> withApplicationLoader(Consumer<T> failure) {
        return why -> {
            Thread thread = Thread.currentThread();
            ClassLoader loader = thread.getContextClassLoader();
            thread.setContextClassLoader(application);
            try {
                failure.accept(why);
            } finally {
                thread.setContextClassLoader(loader);
            }
        };
    }
}
