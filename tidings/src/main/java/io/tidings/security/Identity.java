package io.tidings.security;

import io.tidings.connections.Attribute;

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

    /**
     * The names an authenticated user may have (a token's {@code sub}, an API key's user, a
     * container principal): 1 to 128 letters, digits and {@code . _ - @ + | :}, so e-mail addresses
     * and identity-provider subjects such as {@code auth0|5f2b} fit, and blank or whitespace names do not.
     */
    public static final java.util.regex.Pattern USER = java.util.regex.Pattern.compile("[\\p{L}\\p{N}._@+|:-]{1,128}");

    /** Describes {@link #USER} in refusals. */
    static final String USER_RULE = "1 to 128 letters, digits and . _ - @ + | :";

    /** Whether {@code name} may name an authenticated user. */
    public static boolean validUser(String name) {
        return name != null && USER.matcher(name).matches();
    }

    /** The key of the identity in the WebSocket session's and the connection's properties. */
    /** The session user property the handshake hands the identity over in (the platform's channel). */
    public static final String PROPERTY = "tidings.identity";

    /** The connection's identity, kept by {@link FrameGate} when it opens and renewed by {@code auth.refresh}. */
    public static final Attribute<Identity> ATTRIBUTE = Attribute.named("identity");

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
