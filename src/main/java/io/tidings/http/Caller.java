package io.tidings.http;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.metrics.Metrics;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is calling the HTTP API. Admin: an {@code X-API-Key} equal to {@code tidings.admin.api-key},
 * or a container principal in role {@code tidings.admin.role}. User: the container principal, or
 * else the {@code name} query parameter, exactly as the WebSocket handshake accepts guests (an
 * {@code EventSource} cannot send headers). Missing credential: 401; known but not allowed: 403.
 */
@RequestScoped
public class Caller {

    static final String API_KEY_HEADER = "X-API-Key";
    /** The handshake's guest nickname rule. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,32}");

    @Inject
    HttpServletRequest request;

    @Inject
    Settings settings;

    @Inject
    Metrics metrics;

    public boolean isAdmin() {
        String key = request.getHeader(API_KEY_HEADER);
        if (key != null) {
            String expected = settings.string(Setting.ADMIN_API_KEY);
            if (expected.isEmpty() || !MessageDigest.isEqual(bytes(expected), bytes(key))) {
                throw refused(Response.Status.UNAUTHORIZED, "invalid_credential", "the X-API-Key is not this server's admin key");
            }
            return true;
        }
        return request.getUserPrincipal() != null && request.isUserInRole(settings.string(Setting.ADMIN_ROLE));
    }

    /** The calling user, if the request names one. */
    public Optional<String> user() {
        if (request.getUserPrincipal() != null) {
            return Optional.of(request.getUserPrincipal().getName());
        }
        String name = request.getParameter("name");
        if (name == null) {
            return Optional.empty();
        }
        if (!NAME.matcher(name).matches()) {
            throw ApiException.badRequest("invalid_name", "name must be 1 to 32 letters, digits, '.', '-' or '_'");
        }
        return Optional.of(name);
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw user().isPresent()
                    ? refused(Response.Status.FORBIDDEN, "forbidden", "this operation needs an admin credential")
                    : refused(Response.Status.UNAUTHORIZED, "unauthenticated", "send the admin key in X-API-Key");
        }
    }

    /** Anyone who says who they are: an admin or a user; 401 otherwise. */
    public void requireKnown() {
        if (!isAdmin()) {
            requireUser();
        }
    }

    /** The calling user; 401 without one. */
    public String requireUser() {
        return user().orElseThrow(() -> refused(Response.Status.UNAUTHORIZED, "unauthenticated",
                "say who you are: sign in, or add ?name=<your name>"));
    }

    /** Admins may act for any user; users only for themselves. */
    public void requireSelfOrAdmin(String user) {
        if (!isAdmin() && !requireUser().equals(user)) {
            throw refused(Response.Status.FORBIDDEN, "forbidden", "you may only act for yourself, not for '" + user + "'");
        }
    }

    private ApiException refused(Response.Status status, String code, String message) {
        metrics.authFailed();
        return new ApiException(status, code, message);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
