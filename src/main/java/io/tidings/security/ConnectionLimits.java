package io.tidings.security;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.connections.ConnectionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Connection limits, checked at the handshake against the open connections: in total, per remote
 * address, per user. Handshakes in flight at the same moment are not counted yet, so a burst of
 * simultaneous handshakes may pass a limit by the number in flight.
 */
@ApplicationScoped
public class ConnectionLimits {

    @Inject
    Settings settings;

    @Inject
    ConnectionRegistry connections;

    void check(String remoteAddress, String user) {
        if (connections.count() >= settings.integer(Setting.MAX_CONNECTIONS)) {
            throw Refusal.tooMany(503, "the server has reached its connection limit; retry later");
        }
        int limit = settings.integer(Setting.MAX_CONNECTIONS_PER_ADDRESS);
        if (connections.count(c -> remoteAddress.equals(c.remoteAddress())) >= limit) {
            throw Refusal.tooMany(429, "too many connections from your address (limit " + limit + ")");
        }
        limit = settings.integer(Setting.MAX_CONNECTIONS_PER_USER);
        if (connections.count(c -> user.equals(c.user())) >= limit) {
            throw Refusal.tooMany(429, "too many connections for user " + user + " (limit " + limit + ")");
        }
    }
}
