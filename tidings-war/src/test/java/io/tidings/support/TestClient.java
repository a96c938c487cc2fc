package io.tidings.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket test client that collects every frame into a queue. Assertions poll the queue with
 * a timeout; failures inside the client's callbacks are rethrown on the test thread.
 */
public final class TestClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    /** Text frames as the server wrote them, kept only after {@link #keepTexts()}: tests in the server's JVM measure its heap. */
    private final List<String> texts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean keepTexts;
    private final List<JsonObject> backlog = new ArrayList<>();
    private final BlockingQueue<ByteBuffer> binaries = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final List<Throwable> failures = new ArrayList<>();
    private Session session;

    private TestClient() {
    }

    /** Connects and waits for the server's {@code welcome}, so the server side is ready. */
    public static TestClient connect(URI uri) {
        TestClient client = open(uri);
        client.expect("welcome");
        return client;
    }

    /** Connects without waiting for anything, from the application's own origin, as a browser would. */
    public static TestClient open(URI uri) {
        return open(uri, Map.of(), List.of());
    }

    /**
     * Connects with extra handshake headers (they replace the default {@code Origin} when they
     * name it) and subprotocols (a token goes as {@code bearer.<jwt>} after {@code tidings.v1}).
     */
    public static TestClient open(URI uri, Map<String, String> headers, List<String> subprotocols) {
        TestClient client = new TestClient();
        var config = ClientEndpointConfig.Builder.create().preferredSubprotocols(subprotocols)
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> request) {
                        request.put("Origin", List.of(Server.origin()));
                        headers.forEach((name, value) -> request.put(name, List.of(value)));
                    }
                }).build();
        try {
            client.session = ContainerProvider.getWebSocketContainer().connectToServer(client.new Listener(), config, uri);
        } catch (DeploymentException | IOException e) {
            throw new IllegalStateException("cannot connect to " + uri, e);
        }
        return client;
    }

    /** Connects with a JWT offered as subprotocol, the way a browser passes it, and waits for the welcome. */
    public static TestClient connectWithToken(URI uri, String token) {
        TestClient client = open(uri, Map.of(), List.of("tidings.v1", "bearer." + token));
        client.expect("welcome");
        return client;
    }

    public Session session() {
        return session;
    }

    public void send(String text) {
        try {
            session.getBasicRemote().sendText(text);
        } catch (IOException e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    /**
     * Sends to a socket the server may be closing (a flood it answers with 4029): a failed send is
     * expected then, and reported as false instead of thrown.
     */
    public boolean trySend(String text) {
        try {
            session.getBasicRemote().sendText(text);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public void sendBinary(ByteBuffer data) {
        try {
            session.getBasicRemote().sendBinary(data);
        } catch (IOException e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    /** Keeps every text frame received from now on as the server wrote it, for {@link #texts()}. */
    public TestClient keepTexts() {
        keepTexts = true;
        return this;
    }

    /** Every text frame received since {@link #keepTexts()}, as the server wrote it. */
    public List<String> texts() {
        return List.copyOf(texts);
    }

    /** The next frame, whatever its type (frames skipped by {@link #expect} come first). */
    public JsonObject next() {
        rethrowFailures();
        if (!backlog.isEmpty()) {
            return backlog.remove(0);
        }
        JsonObject frame = poll(TIMEOUT.toNanos());
        if (frame == null) {
            throw new AssertionError("no frame within " + TIMEOUT + state());
        }
        return frame;
    }

    /** The frames received and not read yet, without waiting for more. */
    public List<JsonObject> drain() {
        List<JsonObject> all = new ArrayList<>(backlog);
        backlog.clear();
        frames.drainTo(all);
        return all;
    }

    /** The next frame of the given type; frames of other types stay queued for later calls. */
    public JsonObject expect(String type) {
        return expect(frame -> type.equals(frame.getString("type", null)), "a '" + type + "' frame");
    }

    /** The first frame matching the predicate; the others stay queued, in order, for later calls. */
    public JsonObject expect(Predicate<JsonObject> wanted, String description) {
        for (int i = 0; i < backlog.size(); i++) {
            if (wanted.test(backlog.get(i))) {
                return backlog.remove(i);
            }
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject frame = poll(deadline - System.nanoTime());
            if (frame != null && wanted.test(frame)) {
                return frame;
            }
            if (frame != null) {
                backlog.add(frame);
            }
        }
        rethrowFailures();
        throw new AssertionError("expected " + description + " within " + TIMEOUT + "; got " + backlog + state());
    }

    /** Whether the socket is still open, or how it was closed, for a failure message. */
    private String state() {
        CloseReason reason = closed.getNow(null);
        return reason != null ? "; closed with " + reason.getCloseCode().getCode() + " \"" + reason.getReasonPhrase() + "\""
                : session.isOpen() ? "; the socket is open" : "; the socket is closed";
    }

    /** Drops every frame received so far. */
    public void clear() {
        backlog.clear();
        frames.clear();
    }

    private JsonObject poll(long nanos) {
        try {
            return frames.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Asserts that no frame matching the predicate arrives within the given time (nor has arrived). */
    public void expectNone(Predicate<JsonObject> unwanted, Duration within) {
        backlog.stream().filter(unwanted).findFirst().ifPresent(f -> {
            throw new AssertionError("unexpected frame " + f);
        });
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject frame = poll(deadline - System.nanoTime());
            if (frame != null && unwanted.test(frame)) {
                throw new AssertionError("unexpected frame " + frame);
            }
            if (frame != null) {
                backlog.add(frame);
            }
        }
    }

    public ByteBuffer nextBinary() {
        try {
            ByteBuffer data = binaries.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (data == null) {
                throw new AssertionError("no binary frame within " + TIMEOUT);
            }
            return data;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Waits for the server to close the connection and returns why. */
    public CloseReason awaitClose() {
        try {
            return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("connection not closed within " + TIMEOUT, e);
        }
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close() {
        try {
            if (session.isOpen()) {
                session.close();
            }
        } catch (IOException e) {
            // already gone
        }
    }

    private void rethrowFailures() {
        synchronized (failures) {
            if (!failures.isEmpty()) {
                throw new AssertionError("client callback failed", failures.get(0));
            }
        }
    }

    /** The client side endpoint: parses every text frame into the queue. */
    public final class Listener extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                if (keepTexts) {
                    texts.add(text);
                }
                try {
                    frames.add(Json.createReader(new StringReader(text)).readObject());
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(new AssertionError("server sent a frame that is not a JSON object: " + text, e));
                    }
                }
            });
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) binaries::add);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            closed.complete(reason);
        }

        @Override
        public void onError(Session session, Throwable failure) {
            synchronized (failures) {
                failures.add(failure);
            }
        }
    }
}
