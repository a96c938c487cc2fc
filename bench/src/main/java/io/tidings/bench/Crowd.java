package io.tidings.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Many clients of one process, opened with a bounded number of handshakes in flight. The sockets are
 * Netty channels spread over {@code --selectors} event-loop threads: the load generator shares the
 * server's cores, and reading tens of thousands of frames a second must leave them to the server.
 * On Linux the channels use Netty's native epoll transport (fewer system calls and no selected-key
 * sets); {@code --transport nio} picks the JDK's selector instead.
 */
final class Crowd implements AutoCloseable {

    private static final int MAX_FRAME = 1 << 20;

    private final EventLoopGroup loops;
    private final Bootstrap bootstrap;
    final URI url;
    final Client.Sink sink;
    final AtomicInteger failures = new AtomicInteger();
    private final int concurrency;

    Crowd(Options options, Client.Sink sink) {
        this.url = options.url();
        this.sink = sink;
        this.concurrency = options.openConcurrency();
        int threads = options.integer("selectors", 2);
        boolean epoll = transport(options).equals("epoll");
        this.loops = epoll ? new EpollEventLoopGroup(threads, daemon("ws-client")) : new NioEventLoopGroup(threads, daemon("ws-client"));
        this.bootstrap = new Bootstrap().group(loops).channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Client.TIMEOUT_SECONDS * 1000)
                .option(ChannelOption.TCP_NODELAY, true);
    }

    /** The transport the sockets use: {@code epoll} unless {@code --transport nio} or epoll is not available here. */
    static String transport(Options options) {
        return !"nio".equals(options.text("transport", "epoll")) && Epoll.isAvailable() ? "epoll" : "nio";
    }

    /** Opens a socket as user {@code b<index>}; completes once the server's welcome arrived. */
    CompletableFuture<Client> connect(int index) {
        return connect(index, sink);
    }

    private CompletableFuture<Client> connect(int index, Client.Sink frames) {
        Client client = new Client(index, frames);
        URI uri = URI.create(url + (url.getQuery() == null ? "?" : "&") + "name=b" + index);
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .customHeaders(new DefaultHttpHeaders().set(HttpHeaderNames.ORIGIN, origin(url)))
                .handleCloseFrames(false)
                .handshakeTimeoutMillis(Client.TIMEOUT_SECONDS * 1000L)
                .maxFramePayloadLength(MAX_FRAME)
                .build();
        Bootstrap socket = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_FRAME),
                        new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(MAX_FRAME), client);
            }
        });
        client.connecting(socket.connect(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()));
        return client.welcome();
    }

    /** The server's own origin: the server refuses a handshake without an Origin it allows. */
    private static String origin(URI url) {
        return (url.getScheme().equals("wss") ? "https" : "http") + "://" + url.getRawAuthority();
    }

    /** Opens clients {@code from .. from+count-1}; those that fail are counted in {@link #failures} and left out. */
    List<Client> open(int from, int count) throws InterruptedException {
        return each(range(from, count), this::connect);
    }

    /** Runs {@code action} for every item with at most {@code concurrency} in flight; returns the successes. */
    <T, R> List<R> each(List<T> items, Function<T, CompletableFuture<R>> action) throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        List<CompletableFuture<R>> pending = new ArrayList<>();
        for (T item : items) {
            if (!permits.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no handshake or join finished within 60 s; is the server up?");
            }
            pending.add(action.apply(item).whenComplete((r, failure) -> {
                permits.release();
                if (failure != null && failures.incrementAndGet() == 1) {
                    System.out.println("  first failure: " + describe(failure));
                }
            }));
        }
        List<R> done = new ArrayList<>();
        for (CompletableFuture<R> future : pending) {
            try {
                done.add(future.get(60, TimeUnit.SECONDS));
            } catch (Exception failed) {
                // already counted
            }
        }
        return done;
    }

    /**
     * Waits, at most {@code seconds}, until one client gets its {@code welcome}: a server can answer
     * HTTP before its WebSocket endpoint takes connections.
     */
    void awaitServer(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                connect(-1, (client, type, frame) -> { }).get(10, TimeUnit.SECONDS).close();
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException failed) {
                last = failed;
                Thread.sleep(1000); // the server is still starting; try again
            }
        }
        throw new IllegalStateException("no welcome from " + url + " within " + seconds + " s: "
                + (last == null ? "" : describe(last)));
    }

    /**
     * Opens and closes a few connections, then waits (at most 200 s) until the server's thread count
     * has not changed for 70 s, so that a baseline taken next holds the loaded classes and no idle
     * pool threads that are about to expire (WildFly's worker pool keeps idle threads 60 s, then
     * drops ~75 at once).
     */
    void warmUp(int count, ServerProbe server) throws InterruptedException {
        closeAll(open(1_000_000, count));
        long deadline = System.nanoTime() + 200_000_000_000L;
        Object last = null;
        int stable = 0;
        while (server.present() && stable < 35 && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            Object threads = server.sample().get("serverThreads");
            stable = threads.equals(last) ? stable + 1 : 0;
            last = threads;
        }
    }

    /** A failure in a line, with the HTTP status and body when the server refused the handshake. */
    static String describe(Throwable failure) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        if (cause instanceof WebSocketClientHandshakeException refused && refused.response() != null) {
            return "handshake refused: HTTP " + refused.response().status();
        }
        return cause.toString();
    }

    static void closeAll(List<Client> clients) {
        clients.forEach(Client::close);
    }

    private static List<Integer> range(int from, int count) {
        List<Integer> list = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            list.add(i);
        }
        return list;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
}
