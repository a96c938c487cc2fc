package io.tidings.socket;

import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionRegistry;
import io.tidings.dispatch.Dispatcher;
import io.tidings.protocol.Frames;
import io.tidings.protocol.Inbound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * What every Tidings endpoint does with its session: register it on open, dispatch its frames,
 * unregister it on close. The endpoints stay annotation shells around this bean, because
 * annotated endpoint methods are not inherited.
 */
@ApplicationScoped
public class Sockets {

    static final String CONNECTION_ID = "tidings.connectionId";

    @Inject
    ConnectionRegistry connections;

    @Inject
    Dispatcher dispatcher;

    /** Registers the session and sends {@code welcome}. */
    public Connection open(Session session) {
        var properties = session.getUserProperties();
        Connection connection = connections.open(session, (String) properties.get(HandshakeConfigurator.USER),
                (String) properties.get(HandshakeConfigurator.REMOTE_ADDRESS));
        properties.put(CONNECTION_ID, connection.id());
        connection.send(Frames.welcome(connection.id(), connection.user()));
        connections.announce(connection);
        return connection;
    }

    public void text(Session session, Inbound frame) {
        connection(session).ifPresent(connection -> dispatcher.dispatch(connection, frame));
    }

    public void binary(Session session, ByteBuffer data) {
        connection(session).ifPresent(connection -> dispatcher.dispatchBinary(connection, data));
    }

    public void close(Session session) {
        connections.remove((String) session.getUserProperties().get(CONNECTION_ID));
    }

    private Optional<Connection> connection(Session session) {
        return connections.find((String) session.getUserProperties().get(CONNECTION_ID));
    }
}
