package io.tidings.socket;

import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The main WebSocket endpoint, {@code /ws}: one socket, many rooms. Stateless. It offers the
 * subprotocol {@code tidings.v1}, which a browser names next to its {@code bearer.<token>}.
 */
@ServerEndpoint(value = "/ws", subprotocols = "tidings.v1",
        configurator = HandshakeConfigurator.class)
public class SocketEndpoint {

    private static final Logger LOG = Logger.getLogger(SocketEndpoint.class.getName());

    @Inject
    SocketPipeline sockets;

    @OnOpen
    public void open(Session session) {
        sockets.open(session);
    }

    @OnMessage
    public void message(Session session, String text, boolean last) {
        sockets.receivedPart(session, text, last);
    }

    @OnMessage
    public void binary(Session session, ByteBuffer data) {
        sockets.binary(session, data);
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        sockets.pong(session, pong.getApplicationData());
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
