package io.tidings.socket;

import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionRegistry;
import io.tidings.dispatch.Dispatcher;
import io.tidings.protocol.EnvelopeDecoder;
import io.tidings.protocol.EnvelopeEncoder;
import io.tidings.protocol.Frames;
import io.tidings.protocol.Inbound;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The main WebSocket endpoint, {@code /ws}. Stateless: the connection lives in the
 * {@link ConnectionRegistry}; the session only remembers its connection id.
 */
@ServerEndpoint(value = "/ws", decoders = EnvelopeDecoder.class, encoders = EnvelopeEncoder.class,
        configurator = HandshakeConfigurator.class)
public class SocketEndpoint {

    private static final Logger LOG = Logger.getLogger(SocketEndpoint.class.getName());
    static final String CONNECTION_ID = "tidings.connectionId";

    @Inject
    ConnectionRegistry connections;

    @Inject
    Dispatcher dispatcher;

    @OnOpen
    public void open(Session session) {
        var properties = session.getUserProperties();
        Connection connection = connections.open(session, (String) properties.get(HandshakeConfigurator.USER),
                (String) properties.get(HandshakeConfigurator.REMOTE_ADDRESS));
        properties.put(CONNECTION_ID, connection.id());
        connection.send(Frames.welcome(connection.id(), connection.user()));
    }

    @OnMessage
    public void message(Session session, Inbound frame) {
        connection(session).ifPresent(connection -> dispatcher.dispatch(connection, frame));
    }

    @OnMessage
    public void binary(Session session, ByteBuffer data) {
        connection(session).ifPresent(connection -> dispatcher.dispatchBinary(connection, data));
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        connections.remove((String) session.getUserProperties().get(CONNECTION_ID));
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "WebSocket error on session " + session.getId(), failure);
    }

    private java.util.Optional<Connection> connection(Session session) {
        return connections.find((String) session.getUserProperties().get(CONNECTION_ID));
    }
}
