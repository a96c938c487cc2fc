package io.tidings.socket;

import io.tidings.security.Identity;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands what the {@link HandshakeFilter} resolved (who is connecting) and where from to the
 * endpoint through the per-connection user properties (WebSocket 2.1 makes them a per-session copy),
 * and gives every connection the same, stateless endpoint instance.
 */
public class HandshakeConfigurator extends ServerEndpointConfig.Configurator {

    static final String REMOTE_ADDRESS = "tidings.remoteAddress";
    static final String ADMISSION = "tidings.admission";

    /** One endpoint instance per endpoint class, injected by CDI during its first handshake. */
    private final Map<Class<?>, Object> endpoints = new ConcurrentHashMap<>();

    /**
     * The endpoints keep no state, so one instance serves every connection. Left to the container,
     * Payara (Tyrus) makes a CDI instance per connection, with an injection target and a creational
     * context of its own that the connection keeps while it is open.
     */
    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        Object endpoint = endpoints.get(endpointClass);
        if (endpoint == null) {
            throw new InstantiationException(endpointClass.getName() + " was not made during the handshake");
        }
        return endpointClass.cast(endpoint);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        // Made here, on the handshake's request thread: Payara (Tyrus) asks for the instance on
        // another thread, where CDI does not find the application. The endpoints are not beans
        // themselves, so CDI injects one made outside its contexts.
        endpoints.computeIfAbsent(config.getEndpointClass(),
                type -> new Unmanaged<>(type).newInstance().produce().inject().postConstruct().get());
        Map<String, Object> properties = config.getUserProperties();
        properties.put(REMOTE_ADDRESS, RemoteAddressListener.current());
        // No identity means the filter did not run for this request: the endpoint closes with 4001.
        HandshakeFilter.current().ifPresentOrElse(identity -> properties.put(Identity.PROPERTY, identity),
                () -> properties.remove(Identity.PROPERTY));
        HandshakeFilter.admission().ifPresentOrElse(admission -> {
            admission.claim();
            properties.put(ADMISSION, admission);
        }, () -> properties.remove(ADMISSION));
    }
}
