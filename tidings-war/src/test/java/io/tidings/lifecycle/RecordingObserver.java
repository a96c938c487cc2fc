package io.tidings.lifecycle;

import io.tidings.api.ConnectionEvent;
import io.tidings.api.MessageReceived;
import io.tidings.api.RoomEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test observer, as an application would write one: it records every lifecycle event it sees. */
@ApplicationScoped
public class RecordingObserver {

    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();

    /** An observer that is stuck: the text "hold" keeps it until the test releases it. */
    private volatile CountDownLatch hold = new CountDownLatch(0);

    public void holdOnNextHold() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    /** The next event seen, waiting at most the given time. (A method: fields of a CDI proxy are not the bean's.) */
    public String next(long nanos) throws InterruptedException {
        return seen.poll(nanos, TimeUnit.NANOSECONDS);
    }

    void connected(@Observes @ConnectionEvent.Connected ConnectionEvent event) {
        seen.add("connected " + event.user());
    }

    void disconnected(@Observes @ConnectionEvent.Disconnected ConnectionEvent event) {
        seen.add("disconnected " + event.user());
    }

    void joined(@Observes @RoomEvent.Joined RoomEvent event) {
        seen.add("joined " + event.user() + " " + event.room());
    }

    void left(@Observes @RoomEvent.Left RoomEvent event) {
        seen.add("left " + event.user() + " " + event.room());
    }

    void received(@Observes MessageReceived message) throws InterruptedException {
        if ("hold".equals(message.data().asJsonObject().getString("text"))) {
            hold.await(30, TimeUnit.SECONDS);
        }
        seen.add("message " + message.user() + " " + message.room() + " " + message.data().asJsonObject().getString("text"));
    }

    void failing(@Observes @ConnectionEvent.Connected ConnectionEvent event) {
        if (event.user().startsWith("explode")) {
            throw new IllegalStateException("an observer that fails must not break the connection");
        }
    }
}
