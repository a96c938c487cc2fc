package io.tidings.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a handshake's {@code Origin} may open a WebSocket. Browsers send cookies and
 * container credentials with cross-site WebSocket handshakes, and neither Tyrus nor Undertow
 * checks the Origin by default, so Tidings does: scheme, host and port must match exactly one
 * allowed origin; by default the application's own (scheme of the request plus its Host header).
 * A missing Origin and the opaque {@code null} origin are refused.
 */
final class OriginPolicy {

    private OriginPolicy() {
    }

    static boolean allows(String origin, List<String> allowed, String ownScheme, String ownHost) {
        Optional<String> presented = normalize(origin);
        if (presented.isEmpty()) {
            return false;
        }
        List<String> expected = allowed.isEmpty() ? List.of(ownScheme + "://" + ownHost) : allowed;
        return expected.stream().map(OriginPolicy::normalize).flatMap(Optional::stream).anyMatch(presented.get()::equals);
    }

    /** {@code scheme://host:port} with the default port made explicit, or empty when not an http(s) origin. */
    static Optional<String> normalize(String origin) {
        if (origin == null || origin.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(origin.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                    || uri.getRawUserInfo() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
