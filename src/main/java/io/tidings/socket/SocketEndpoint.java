package io.tidings.socket;

import io.tidings.connections.Connection;
import io.tidings.connections.ConnectionRegistry;
import io.tidings.dispatch.Dispatcher;
import io.tidings.protocol.CloseCodes;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.EnvelopeDecoder;
import io.tidings.protocol.EnvelopeEncoder;
import io.tidings.protocol.Frames;
import io.tidings.protocol.Inbound;
import io.tidings.protocol.Malformed;
import io.tidings.security.FrameGate;
import io.tidings.security.Identity;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The main WebSocket endpoint, {@code /ws}. Stateless: the connection lives in the
 * {@link ConnectionRegistry}; the session only remembers its connection id. Every client frame
 * passes the {@link FrameGate} (rate limit) before the dispatcher.
 */
@ServerEndpoint(value = "/ws", subprotocols = "tidings.v1", encoders = EnvelopeEncoder.class,
        configurator = HandshakeConfigurator.class)
public class SocketEndpoint {

    private static final Logger LOG = Logger.getLogger(SocketEndpoint.class.getName());
    static final String CONNECTION_ID = "tidings.connectionId";
    /** Decoded here rather than declared on the endpoint, so the size check comes first. */
    private static final EnvelopeDecoder DECODER = new EnvelopeDecoder();

    @Inject
    ConnectionRegistry connections;

    @Inject
    Dispatcher dispatcher;

    @Inject
    FrameGate gate;

    @OnOpen
    public void open(Session session) throws IOException {
        var properties = session.getUserProperties();
        if (!(properties.get(Identity.PROPERTY) instanceof Identity identity)) {
            session.close(CloseCodes.reason(CloseCodes.UNAUTHENTICATED, "not authenticated"));
            return;
        }
        Connection connection = connections.open(session, identity.user(), (String) properties.get(HandshakeConfigurator.REMOTE_ADDRESS));
        properties.put(CONNECTION_ID, connection.id());
        gate.opened(session, connection, identity);
        connection.send(Frames.welcome(connection.id(), connection.user()));
    }

    @OnMessage
    public void message(Session session, String text) {
        connection(session).filter(connection -> gate.fits(connection, text)).ifPresent(connection -> {
            Inbound frame = DECODER.decode(text);
            String ref = frame instanceof Envelope e ? e.ref() : frame instanceof Malformed m ? m.ref() : null;
            if (gate.admit(connection, ref)) {
                dispatcher.dispatch(connection, frame);
            }
        });
    }

    @OnMessage
    public void binary(Session session, ByteBuffer data) {
        connection(session).filter(connection -> gate.fits(connection, data) && gate.admit(connection, null))
                .ifPresent(connection -> dispatcher.dispatchBinary(connection, data));
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        connection(session).ifPresent(gate::ponged);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        Object id = session.getUserProperties().get(CONNECTION_ID);
        if (id != null) {
            connections.remove((String) id);
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "WebSocket error on session " + session.getId(), failure);
    }

    private Optional<Connection> connection(Session session) {
        Object id = session.getUserProperties().get(CONNECTION_ID);
        return id == null ? Optional.empty() : connections.find((String) id);
    }
}
