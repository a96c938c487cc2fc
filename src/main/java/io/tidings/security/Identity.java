package io.tidings.security;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Who a connection speaks for, as resolved at the handshake.
 *
 * @param user      the user name
 * @param roles     the user's roles (empty for guests)
 * @param claims    the token's claims in jwt mode, otherwise empty
 * @param mode      how the user was authenticated
 * @param expiresAt when the credential expires ({@code null}: never)
 */
public record Identity(String user, Set<String> roles, Map<String, Object> claims, AuthMode mode, Instant expiresAt) {

    /** The key of the identity in the WebSocket session's and the connection's properties. */
    public static final String PROPERTY = "tidings.identity";

    public Identity {
        roles = Set.copyOf(roles);
        claims = Map.copyOf(claims);
    }

    public static Identity guest(String name) {
        return new Identity(name, Set.of(), Map.of(), AuthMode.GUEST, null);
    }

    public boolean authenticated() {
        return mode != AuthMode.GUEST;
    }

    /** The same identity with a new expiry and claims, after a token refresh. */
    Identity refreshed(Identity newer) {
        return new Identity(user, newer.roles, newer.claims, mode, newer.expiresAt);
    }
}
