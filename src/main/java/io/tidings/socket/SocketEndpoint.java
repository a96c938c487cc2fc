package io.tidings.socket;

import io.tidings.protocol.EnvelopeDecoder;
import io.tidings.protocol.EnvelopeEncoder;
import io.tidings.protocol.Inbound;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The main WebSocket endpoint, {@code /ws}: one socket, many rooms. Stateless. */
@ServerEndpoint(value = "/ws", decoders = EnvelopeDecoder.class, encoders = EnvelopeEncoder.class,
        configurator = HandshakeConfigurator.class)
public class SocketEndpoint {

    private static final Logger LOG = Logger.getLogger(SocketEndpoint.class.getName());

    @Inject
    Sockets sockets;

    @OnOpen
    public void open(Session session) {
        sockets.open(session);
    }

    @OnMessage
    public void message(Session session, Inbound frame) {
        sockets.text(session, frame);
    }

    @OnMessage
    public void binary(Session session, ByteBuffer data) {
        sockets.binary(session, data);
    }

    @OnClose
    public void close(Session session) {
        sockets.close(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "WebSocket error on session " + session.getId(), failure);
    }
}
