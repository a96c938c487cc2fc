package io.tidings.socket;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Resolves who is connecting during the handshake and hands it to the endpoint through the
 * per-connection user properties (WebSocket 2.1 makes them a per-session copy).
 */
public class HandshakeConfigurator extends ServerEndpointConfig.Configurator {

    static final String USER = "tidings.user";
    static final String REMOTE_ADDRESS = "tidings.remoteAddress";
    /** Guest nicknames: letters, digits, dot, dash and underscore, 1 to 32 characters. */
    static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,32}");

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Map<String, Object> properties = config.getUserProperties();
        properties.put(REMOTE_ADDRESS, RemoteAddressListener.current());
        properties.put(USER, guestName(request.getParameterMap().get("name")));
    }

    private static String guestName(List<String> requested) {
        if (requested != null && !requested.isEmpty() && NAME.matcher(requested.get(0)).matches()) {
            return requested.get(0);
        }
        return "guest-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    }
}
