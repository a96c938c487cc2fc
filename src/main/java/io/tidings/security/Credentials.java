package io.tidings.security;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.Optional;

/** Finds the credentials a handshake request carries. */
final class Credentials {

    /** The subprotocol every client offers; the server always selects it. */
    static final String PROTOCOL = "tidings.v1";
    /** A browser passes its token as the extra subprotocol {@code bearer.<jwt>}. */
    static final String BEARER_PREFIX = "bearer.";
    static final String API_KEY_HEADER = "X-API-Key";
    static final String TOKEN_PARAMETER = "access_token";
    static final String NAME_PARAMETER = "name";

    private Credentials() {
    }

    /** The JWT from {@code Sec-WebSocket-Protocol}, else from the {@code access_token} query parameter. */
    static Optional<String> bearer(HttpServletRequest request) {
        for (String header : Collections.list(request.getHeaders("Sec-WebSocket-Protocol"))) {
            for (String protocol : header.split(",")) {
                if (protocol.trim().startsWith(BEARER_PREFIX)) {
                    return Optional.of(protocol.trim().substring(BEARER_PREFIX.length()));
                }
            }
        }
        return Optional.ofNullable(request.getParameter(TOKEN_PARAMETER)).filter(t -> !t.isBlank());
    }

    static Optional<String> apiKey(HttpServletRequest request) {
        return Optional.ofNullable(request.getHeader(API_KEY_HEADER)).filter(k -> !k.isBlank());
    }
}
