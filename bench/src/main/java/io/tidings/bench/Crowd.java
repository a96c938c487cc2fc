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
    final HttpClient http = HttpClient.newBuilder().executor(executor).build();
    final URI url;
    final Client.Sink sink;
    final AtomicInteger failures = new AtomicInteger();
    private final int concurrency;

    Crowd(Options options, Client.Sink sink) {
        this.url = options.url();
        this.sink = sink;
        this.concurrency = options.openConcurrency();
    }

    /** Opens clients {@code from .. from+count-1}; those that fail are counted in {@link #failures} and left out. */
    List<Client> open(int from, int count) throws InterruptedException {
        return each(range(from, count), i -> Client.open(http, url, i, sink));
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
                if (failure != null) {
                    failures.incrementAndGet();
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
