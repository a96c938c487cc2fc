package io.tidings.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One Tidings connection on a Netty WebSocket client (see {@link Crowd}). It waits for
 * {@code welcome}, answers frames that carry a {@code ref} to whoever asked, and hands every frame to
 * the scenario's {@link Sink}. Netty answers the server's pings; sends from any thread are queued in
 * order on the connection's event loop.
 */
final class Client extends SimpleChannelInboundHandler<WebSocketFrame> {

    /** What a scenario does with the frames and closes of its clients. */
    interface Sink {
        /** Any frame but a benchmark delivery, parsed. */
        void frame(Client client, String type, JsonObject frame);

        /** A {@code message} or {@code notification} whose data carries a benchmark key and send time. */
        default void delivery(Client client, long key, long sentNanos) {
        }

        /** The connection ended: the server's close code, or 1006 when it ended without a close frame. */
        default void closed(Client client, int code) {
        }
    }

    static final int TIMEOUT_SECONDS = 30;
    private static final int ABNORMAL = 1006;
    /** One factory: {@code Json.createReader} looks the JSON-P provider up on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    final int index;
    private final Sink sink;
    private final CompletableFuture<Client> welcome = new CompletableFuture<>();
    private final Map<String, CompletableFuture<JsonObject>> replies = new ConcurrentHashMap<>();
    private volatile Channel channel;
    private volatile boolean open;
    private volatile boolean upgraded;
    private volatile boolean reported;

    Client(int index, Sink sink) {
        this.index = index;
        this.sink = sink;
    }

    /** Completes once the server's welcome arrived; fails when the handshake or the connection fails first. */
    CompletableFuture<Client> welcome() {
        return welcome.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The connect attempt's outcome: a failed connect fails the welcome. */
    void connecting(ChannelFuture connect) {
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                welcome.completeExceptionally(done.cause());
            }
        });
    }

    /** Sends a frame with {@code ref} and completes with the reply that carries it. */
    CompletableFuture<JsonObject> request(String ref, String frame) {
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        replies.put(ref, reply);
        send(frame);
        return reply.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    CompletableFuture<JsonObject> join(String room) {
        String ref = "j-" + room;
        return request(ref, "{\"type\":\"join\",\"room\":\"" + room + "\",\"ref\":\"" + ref + "\",\"data\":{\"history\":0}}");
    }

    CompletableFuture<Void> send(String text) {
        return write(new TextWebSocketFrame(text));
    }

    private CompletableFuture<Void> write(WebSocketFrame frame) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Channel ch = channel;
        if (ch == null) {
            frame.release();
            sent.completeExceptionally(new IllegalStateException("not connected"));
            return sent;
        }
        ch.writeAndFlush(frame).addListener(done -> {
            if (done.isSuccess()) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(done.cause());
            }
        });
        return sent;
    }

    boolean isOpen() {
        return open;
    }

    /** Starts the closing handshake; the server's close frame ends the connection. */
    void close() {
        if (open) {
            write(new CloseWebSocketFrame(1000, "bye"));
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            upgraded = true;
            open = true;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame) {
            handle(frame.content());
        } else if (frame instanceof CloseWebSocketFrame close) {
            int code = close.statusCode() < 0 ? 1005 : close.statusCode();
            ended("closed before welcome: " + code + " " + close.reasonText(), code);
            ctx.writeAndFlush(new CloseWebSocketFrame(code, "")).addListener(done -> ctx.close());
        }
    }

    /**
     * Deliveries, nearly every frame of a run, are read without a parser (see {@link FrameScan}), so
     * that the load generator leaves the shared cores to the server; everything else is parsed.
     */
    private void handle(ByteBuf content) {
        String text = content.toString(StandardCharsets.UTF_8);
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
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        welcome.completeExceptionally(cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        ended("connection ended before welcome", ABNORMAL);
        super.channelInactive(ctx);
    }

    /**
     * Reports the end of an upgraded connection once: the close frame's code, or 1006 when the
     * connection went without one. A refused handshake fails the welcome and is no close.
     */
    private void ended(String why, int code) {
        open = false;
        welcome.completeExceptionally(new IllegalStateException(why));
        replies.values().forEach(reply -> reply.completeExceptionally(new IllegalStateException(why)));
        if (upgraded && !reported) {
            reported = true;
            sink.closed(this, code);
        }
    }
}
