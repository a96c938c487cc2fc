package io.tidings.lifecycle;

import io.tidings.api.ConnectionEvent;
import io.tidings.api.RoomEvent;
import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionChange;
import io.tidings.protocol.Envelope;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires the public lifecycle events; observer failures are logged, never propagated. Connection
 * events are observed last, so a disconnect is published after the connection left its rooms.
 */
@ApplicationScoped
public class Lifecycle {

    private static final Logger LOG = Logger.getLogger(Lifecycle.class.getName());

    @Inject
    Event<ConnectionEvent> connectionEvents;

    @Inject
    Event<RoomEvent> roomEvents;

    @Inject
    MessageEvents messageEvents;

    void opened(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) @ConnectionChange.Opened ConnectionChange change) {
        Connection c = change.connection();
        fire(() -> connectionEvents.select(ConnectionEvent.Connected.Literal.INSTANCE)
                .fire(new ConnectionEvent(c.id(), c.user(), c.remoteAddress(), Instant.now())));
    }

    void closed(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) @ConnectionChange.Closed ConnectionChange change) {
        Connection c = change.connection();
        fire(() -> connectionEvents.select(ConnectionEvent.Disconnected.Literal.INSTANCE)
                .fire(new ConnectionEvent(c.id(), c.user(), c.remoteAddress(), Instant.now())));
    }

    public void joined(String room, Connection c) {
        fire(() -> roomEvents.select(RoomEvent.Joined.Literal.INSTANCE).fire(new RoomEvent(room, c.user(), c.id(), Instant.now())));
    }

    public void left(String room, Connection c) {
        fire(() -> roomEvents.select(RoomEvent.Left.Literal.INSTANCE).fire(new RoomEvent(room, c.user(), c.id(), Instant.now())));
    }

    /** A room message was stored: its event goes to the observers on their own thread ({@link MessageEvents}). */
    public void received(Envelope message) {
        messageEvents.received(message);
    }

    private static void fire(Runnable firing) {
        try {
            firing.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an application observer of a Tidings lifecycle event failed", e);
        }
    }
}
