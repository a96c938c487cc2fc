package io.tidings.socket;

import io.tidings.connections.Connection;
import io.tidings.protocol.Envelope;
import io.tidings.protocol.EnvelopeDecoder;
import io.tidings.protocol.EnvelopeEncoder;
import io.tidings.protocol.Inbound;
import io.tidings.rooms.RoomName;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /ws/rooms/{room}}: a socket that joins one room on open. Frames without a {@code room}
 * field address that room; everything else works as on {@code /ws}.
 */
@ServerEndpoint(value = "/ws/rooms/{room}", decoders = EnvelopeDecoder.class, encoders = EnvelopeEncoder.class,
        configurator = HandshakeConfigurator.class)
public class RoomEndpoint {

    private static final Logger LOG = Logger.getLogger(RoomEndpoint.class.getName());

    @Inject
    Sockets sockets;

    @OnOpen
    public void open(Session session, @PathParam("room") String room) {
        Connection connection = sockets.open(session);
        if (RoomName.isValid(room)) {
            connection.properties().put(RoomName.DEFAULT_ROOM, room);
        }
        sockets.text(session, Envelope.of("join", null).withRoom(room));
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
