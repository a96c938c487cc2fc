package io.tidings.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One Tidings connection on the JDK WebSocket client. It waits for {@code welcome}, answers frames
 * that carry a {@code ref} to whoever asked, and hands every frame to the scenario's {@link Sink}.
 * The JDK client allows one send in flight per socket, so sends are chained.
 */
final class Client implements WebSocket.Listener {

    /** What a scenario does with the frames and closes of its clients. */
    interface Sink {
        /** Any frame but a benchmark delivery, parsed. */
        void frame(Client client, String type, JsonObject frame);

        /** A {@code message} or {@code notification} whose data carries a benchmark key and send time. */
        default void delivery(Client client, long key, long sentNanos) {
        }

        default void closed(Client client, int code) {
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** One factory: {@code Json.createReader} looks the JSON-P provider up on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    final int index;
    private final Sink sink;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Client> welcome = new CompletableFuture<>();
    private final Map<String, CompletableFuture<JsonObject>> replies = new ConcurrentHashMap<>();
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private volatile WebSocket socket;
    private volatile boolean open;

    private Client(int index, Sink sink) {
        this.index = index;
        this.sink = sink;
    }

    /** Opens a socket as user {@code b<index>} and completes once the server's welcome arrived. */
    static CompletableFuture<Client> open(HttpClient http, URI url, int index, Sink sink) {
        Client client = new Client(index, sink);
        URI uri = URI.create(url + (url.getQuery() == null ? "?" : "&") + "name=b" + index);
        http.newWebSocketBuilder().connectTimeout(TIMEOUT).header("Origin", origin(url)).buildAsync(uri, client)
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        client.welcome.completeExceptionally(failure);
                    }
                });
        return client.welcome.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The server's own origin: the server refuses a handshake without an Origin it allows. */
    private static String origin(URI url) {
        return (url.getScheme().equals("wss") ? "https" : "http") + "://" + url.getRawAuthority();
    }

    /** Sends a frame with {@code ref} and completes with the reply that carries it. */
    CompletableFuture<JsonObject> request(String ref, String frame) {
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        replies.put(ref, reply);
        send(frame);
        return reply.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    CompletableFuture<JsonObject> join(String room) {
        String ref = "j-" + room;
        return request(ref, "{\"type\":\"join\",\"room\":\"" + room + "\",\"ref\":\"" + ref + "\",\"data\":{\"history\":0}}");
    }

    synchronized CompletableFuture<?> send(String text) {
        sending = sending.handle((ignored, failure) -> null).thenCompose(ignored -> socket.sendText(text, true));
        return sending;
    }

    boolean isOpen() {
        return open;
    }

    void close() {
        WebSocket ws = socket;
        if (ws != null && open) {
            synchronized (this) {
                sending = sending.handle((ignored, failure) -> null)
                        .thenCompose(ignored -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
            }
        }
    }

    void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        open = false;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        open = true;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            handle(text);
        }
        webSocket.request(1);
        return null;
    }

    /**
     * Deliveries, nearly every frame of a run, are read without a parser (see {@link FrameScan}), so
     * that the load generator leaves the shared cores to the server; everything else is parsed.
     */
    private void handle(String text) {
        String scanned = FrameScan.type(text);
        if ("message".equals(scanned) || "notification".equals(scanned)) {
            long key = FrameScan.number(text, "\"k\":");
            long sentNanos = FrameScan.number(text, "\"t\":");
            if (key != FrameScan.ABSENT && sentNanos != FrameScan.ABSENT) {
                sink.delivery(this, key, sentNanos);
                return;
            }
        }
        JsonObject frame;
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            frame = reader.readObject();
        }
        String type = frame.getString("type", "");
        if (type.equals("welcome")) {
            welcome.complete(this);
        }
        String ref = frame.getString("ref", null);
        CompletableFuture<JsonObject> reply = ref == null ? null : replies.remove(ref);
        if (reply != null) {
            reply.complete(frame);
        }
        sink.frame(this, type, frame);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        open = false;
        welcome.completeExceptionally(new IllegalStateException("closed before welcome: " + statusCode + " " + reason));
        sink.closed(this, statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        open = false;
        welcome.completeExceptionally(error);
        sink.closed(this, -1);
    }
}
