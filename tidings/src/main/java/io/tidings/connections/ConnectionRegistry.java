package io.tidings.connections;

import io.tidings.platform.Platform;
import io.tidings.config.Setting;
import io.tidings.config.Settings;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/** Every open connection of this server, by connection id. */
@ApplicationScoped
public class ConnectionRegistry {

    private final ConcurrentMap<String, Connection> connections = new ConcurrentHashMap<>();

    @Inject
    Settings settings;

    @Inject
    Event<ConnectionChange> events;

    @Inject
    Traffic traffic;

    /** Closes connections whose outbound queue overflowed, away from the thread that was sending. */
    ManagedExecutorService closer = Platform.executor();

    /** Registers a newly opened WebSocket and gives it its outbound path. */
    public Connection open(Session session, String user, String remoteAddress) {
        // Tidings times sends out itself (StalledSends, tidings.outbound.send-timeout-ms) and closes
        // idle connections itself (Heartbeat, tidings.idle-timeout-ms), each with a close code of its
        // own; the container's send timeout and idle timer stay off, whatever defaults it has.
        session.getAsyncRemote().setSendTimeout(0);
        // Tyrus (Payara) schedules a managed task for every idle timer change, as for every send.
        SocketTransport.withoutJars(() -> session.setMaxIdleTimeout(0));
        var limits = new OutboundLimits(settings.integer(Setting.OUTBOUND_MAX_MESSAGES),
                settings.number(Setting.OUTBOUND_MAX_BYTES), settings.number(Setting.OUTBOUND_SEND_TIMEOUT_MS),
                settings.number(Setting.OUTBOUND_CLOSE_DRAIN_MS));
        var connection = new Connection(UUID.randomUUID().toString(), user, remoteAddress, session, limits, closer, traffic,
                cut -> remove(cut.id()));
        connections.put(connection.id(), connection);
        return connection;
    }

    /**
     * Tells the rest of the application that a registered connection is ready, then lets its frames
     * go out. Called once its {@code welcome} is queued, so that whatever observers send arrives
     * after it, and the client, which can act once it has the welcome, finds the connection known
     * to every observer (its user's connections, for one).
     */
    public void announce(Connection connection) {
        try {
            events.select(ConnectionChange.Opened.Literal.INSTANCE).fire(new ConnectionChange(connection));
        } finally {
            connection.ready();
        }
    }

    /** Forgets a connection; returns it if it was still registered. */
    public Optional<Connection> remove(String id) {
        Connection removed = id == null ? null : connections.remove(id);
        if (removed != null) {
            events.select(ConnectionChange.Closed.Literal.INSTANCE).fire(new ConnectionChange(removed));
        }
        return Optional.ofNullable(removed);
    }

    public Optional<Connection> find(String id) {
        return Optional.ofNullable(connections.get(id));
    }

    /** A snapshot of the open connections. */
    public Collection<Connection> all() {
        return List.copyOf(connections.values());
    }

    public int count() {
        return connections.size();
    }

    /** Open connections matching a condition (a user's, an address's). */
    public int count(Predicate<Connection> condition) {
        return (int) connections.values().stream().filter(condition).count();
    }
}
