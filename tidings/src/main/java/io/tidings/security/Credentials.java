package io.tidings.security;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.Optional;

/** Finds the credentials a handshake request carries. */
public final class Credentials {

    /** The subprotocol every client offers; the server always selects it. */
    static final String PROTOCOL = "tidings.v1";
    /** A browser passes its token as the extra subprotocol {@code bearer.<jwt>}. */
    static final String BEARER_PREFIX = "bearer.";
    static final String API_KEY_HEADER = "X-API-Key";
    static final String AUTHORIZATION = "Authorization";
    static final String BEARER_SCHEME = "Bearer ";
    static final String TOKEN_PARAMETER = "access_token";
    static final String NAME_PARAMETER = "name";

    private Credentials() {
    }

    /**
     * The JWT from {@code Sec-WebSocket-Protocol} (browsers), an {@code Authorization: Bearer} header
     * (HTTP API and other clients; only when Tidings checks tokens itself, since otherwise the
     * header belongs to the container's own authentication), else the {@code access_token} query
     * parameter. A token found there is returned even when empty: a credential that is present but
     * not valid is refused, never ignored in favour of another mode.
     */
    static Optional<String> bearer(HttpServletRequest request, boolean jwtEnabled) {
        for (String header : Collections.list(request.getHeaders("Sec-WebSocket-Protocol"))) {
            for (String protocol : header.split(",")) {
                if (protocol.trim().startsWith(BEARER_PREFIX)) {
                    return Optional.of(protocol.trim().substring(BEARER_PREFIX.length()));
                }
            }
        }
        String authorization = request.getHeader(AUTHORIZATION);
        if (jwtEnabled && authorization != null && authorization.regionMatches(true, 0, BEARER_SCHEME, 0, BEARER_SCHEME.length())) {
            return Optional.of(authorization.substring(BEARER_SCHEME.length()).trim());
        }
        if (jwtEnabled && authorization != null && authorization.trim().equalsIgnoreCase(BEARER_SCHEME.trim())) {
            return Optional.of(""); // "Bearer" with nothing after it
        }
        return Optional.ofNullable(request.getParameter(TOKEN_PARAMETER));
    }

    /** Whether the request carries a token in any of the places {@link #bearer} looks. */
    public static boolean hasBearer(HttpServletRequest request, boolean jwtEnabled) {
        return bearer(request, jwtEnabled).isPresent();
    }

    static Optional<String> apiKey(HttpServletRequest request) {
        return Optional.ofNullable(request.getHeader(API_KEY_HEADER));
    }
}
