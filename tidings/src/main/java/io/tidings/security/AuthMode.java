package io.tidings.security;

import java.util.Locale;

/** The ways a client can say who it is; {@code tidings.auth.modes} lists those enabled. */
public enum AuthMode {
    /** A nickname ({@code ?name=}), no password. */
    GUEST,
    /**
     * A signed JWT in {@code Sec-WebSocket-Protocol} ({@code bearer.<token>}), an
     * {@code Authorization: Bearer} header or {@code ?access_token=}.
     */
    JWT,
    /** An {@code X-API-Key} header, for server-to-server clients. */
    API_KEY,
    /** The principal the container authenticated for the upgrade request. */
    CONTAINER;

    /** The mode as written in configuration: {@code guest}, {@code jwt}, {@code api-key}, {@code container}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static AuthMode parse(String text) {
        for (AuthMode mode : values()) {
            if (mode.wire().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalStateException("unknown authentication mode '" + text
                + "' in tidings.auth.modes; use guest, jwt, api-key or container");
    }
}
