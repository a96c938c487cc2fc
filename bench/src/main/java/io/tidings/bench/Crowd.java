package io.tidings.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Many clients of one process on one shared HTTP client, opened with a bounded number of handshakes in flight. */
final class Crowd implements AutoCloseable {

    private final ExecutorService executor = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("ws-client"));
    /**
     * The JDK client reads every socket of one {@code HttpClient} on that client's one selector
     * thread; at tens of thousands of frames a second that thread is the load generator's limit, so
     * the sockets are spread over a few clients.
     */
    private final List<HttpClient> https = new ArrayList<>();
    final URI url;
    final Client.Sink sink;
    final AtomicInteger failures = new AtomicInteger();
    private final int concurrency;

    Crowd(Options options, Client.Sink sink) {
        this.url = options.url();
        this.sink = sink;
        this.concurrency = options.openConcurrency();
        for (int i = 0; i < options.integer("selectors", 2); i++) {
            https.add(HttpClient.newBuilder().executor(executor).build());
        }
    }

    /** The HTTP client that client {@code index} opens its socket on. */
    HttpClient http(int index) {
        return https.get(Math.floorMod(index, https.size()));
    }

    /** Opens clients {@code from .. from+count-1}; those that fail are counted in {@link #failures} and left out. */
    List<Client> open(int from, int count) throws InterruptedException {
        return each(range(from, count), i -> Client.open(http(i), url, i, sink));
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
                Client.open(http(0), url, -1, (client, type, frame) -> { }).get(10, TimeUnit.SECONDS).close();
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
        if (cause instanceof java.net.http.WebSocketHandshakeException refused) {
            var response = refused.getResponse();
            return "handshake refused: HTTP " + response.statusCode() + " " + response.body();
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
        executor.shutdownNow();
    }
}
