package io.tidings.socket;

import io.tidings.protocol.Data;
import io.tidings.protocol.Envelope;
import io.tidings.rooms.RoomName;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
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
@ServerEndpoint(value = "/ws/rooms/{room}", subprotocols = "tidings.v1",
        configurator = HandshakeConfigurator.class)
public class RoomEndpoint {

    private static final Logger LOG = Logger.getLogger(RoomEndpoint.class.getName());

    @Inject
    SocketPipeline sockets;

    @OnOpen
    public void open(Session session, @PathParam("room") String room) {
        sockets.open(session).ifPresent(connection -> {
            if (RoomName.isValid(room)) {
                connection.set(RoomName.DEFAULT_ROOM, room);
            }
            sockets.text(session, Envelope.of("join", (Data) null).withRoom(room));
        });
    }

    @OnMessage
    public void message(Session session, String text, boolean last) {
        sockets.receivedPart(session, text, last);
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        sockets.pong(session, pong.getApplicationData());
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
