package io.tidings.socket;

import io.tidings.security.HandshakeFilter;
import io.tidings.security.Identity;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Map;

/**
 * Hands what the {@link HandshakeFilter} resolved (who is connecting) and where from to the
 * endpoint through the per-connection user properties (WebSocket 2.1 makes them a per-session copy).
 */
public class HandshakeConfigurator extends ServerEndpointConfig.Configurator {

    static final String REMOTE_ADDRESS = "tidings.remoteAddress";
    static final String ADMISSION = "tidings.admission";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Map<String, Object> properties = config.getUserProperties();
        properties.put(REMOTE_ADDRESS, RemoteAddressListener.current());
        // No identity means the filter did not run for this request: the endpoint closes with 4001.
        HandshakeFilter.current().ifPresentOrElse(identity -> properties.put(Identity.PROPERTY, identity),
                () -> properties.remove(Identity.PROPERTY));
        HandshakeFilter.admission().ifPresentOrElse(admission -> properties.put(ADMISSION, admission),
                () -> properties.remove(ADMISSION));
    }
}
