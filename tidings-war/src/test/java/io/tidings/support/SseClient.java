package io.tidings.support;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events test client: parses the stream into events (comments included) on a
 * background thread and queues them; assertions poll with a timeout.
 */
public final class SseClient implements AutoCloseable {

    /** One event; {@code comment} is set for comment lines (heartbeats), the rest is null then. */
    public record Event(String name, String id, String data, String comment) {
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Stream<String> lines;
    private final int status;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.lines = response.body();
        Thread reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a stream; returns once the response headers are in. */
    public static SseClient open(String apiPath, String lastEventId) {
        HttpRequest.Builder request = Http.request(apiPath).timeout(Duration.ofMinutes(5)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseClient(CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open " + apiPath, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public int status() {
        return status;
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = null;
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString(), null));
                    }
                    name = null;
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1).trim()));
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    String part = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
                }
            }
        } catch (RuntimeException e) {
            // the stream was closed
        }
    }

    /** The next event (not comment) with the given name; other events are skipped. */
    public Event expect(String name) {
        long deadline = System.nanoTime() + TestClient.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = poll(deadline - System.nanoTime());
            if (event != null && name.equals(event.name())) {
                return event;
            }
        }
        throw new AssertionError("no '" + name + "' event within " + TestClient.TIMEOUT);
    }

    /** Every event received within the given time. */
    public List<Event> drain(Duration within) {
        var all = new java.util.ArrayList<Event>();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = poll(deadline - System.nanoTime());
            if (event != null) {
                all.add(event);
            }
        }
        return all;
    }

    private Event poll(long nanos) {
        try {
            return events.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}
