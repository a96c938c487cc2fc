package io.tidings.lifecycle;

import io.tidings.api.MessageReceived;
import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.platform.Platform;
import io.tidings.protocol.Envelope;
import io.tidings.workers.SerialQueue;
import io.tidings.workers.Worker;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands stored room messages to the application's {@code MessageReceived} observers on a thread of
 * its own, in the order they were stored, so that a slow observer delays only other observers, never
 * the history writer, the acks or the deliveries of any room. The event, and the parse of the
 * message's payload it carries, are made on that thread too, and only when the application observes
 * {@code MessageReceived} at all. When the observers fall
 * {@code tidings.events.queue-capacity} events behind, further events are dropped and logged.
 */
@ApplicationScoped
class MessageEvents implements Worker {

    private static final Logger LOG = Logger.getLogger(MessageEvents.class.getName());

    @Inject
    Event<MessageReceived> events;

    @Inject
    Settings settings;

    @Inject
    BeanManager beans;

    /** Whether any bean observes {@code MessageReceived}; observers are known once the application is deployed. */
    private volatile Boolean observed;

    private final AtomicLong dropped = new AtomicLong();

    private final SerialQueue<Envelope> queue = new SerialQueue<>("tidings-message-events", Platform.threadFactory(),
            () -> settings.integer(Setting.EVENTS_QUEUE_CAPACITY), () -> 100, this::fire, this::lost, LOG);

    /** Queues the event of a stored message; never waits. */
    void received(Envelope message) {
        if (!observed()) {
            return;
        }
        if (!queue.offer(message)) {
            long total = dropped.incrementAndGet();
            LOG.warning(() -> "MessageReceived observers are " + settings.string(Setting.EVENTS_QUEUE_CAPACITY)
                    + " events behind (tidings.events.queue-capacity): dropped the event of " + message.room() + " #"
                    + message.seq() + " (" + total + " dropped so far)");
        }
    }

    private boolean observed() {
        Boolean known = observed;
        if (known == null) {
            try {
                known = !beans.resolveObserverMethods(new MessageReceived("r", "id", 1, "u", null, Instant.EPOCH)).isEmpty();
            } catch (RuntimeException unknown) {
                known = true;
            }
            observed = known;
        }
        return known;
    }

    private void fire(List<Envelope> batch) {
        for (Envelope message : batch) {
            try {
                events.fire(new MessageReceived(message.room(), message.id(), message.seq(), message.from(),
                        message.data() == null ? null : message.data().value(), message.ts()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "an application observer of MessageReceived failed", e);
            }
        }
    }

    private void lost(List<Envelope> batch, boolean stopping) {
        if (!batch.isEmpty()) {
            LOG.warning(() -> batch.size() + " MessageReceived events were not delivered ("
                    + (stopping ? "the server is stopping" : "firing them failed") + ")");
        }
    }

    /** Events dropped because the observers were too far behind. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public String workerName() {
        return "message-events";
    }

    @Override
    public boolean running() {
        return queue.running();
    }

    @PreDestroy
    void stop() {
        queue.stop();
    }
}
