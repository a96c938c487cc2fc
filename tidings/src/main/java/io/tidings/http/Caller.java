package io.tidings.http;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.metrics.Metrics;
import io.tidings.security.AuthMode;
import io.tidings.security.Authenticator;
import io.tidings.security.Credentials;
import io.tidings.security.Identity;
import io.tidings.security.RoomAccess;
import io.tidings.security.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who is calling the HTTP API, resolved by the same {@link Authenticator} as the WebSocket
 * handshake (token, API key, container principal or guest {@code ?name=}, as
 * {@code tidings.auth.modes} allows). Admin: the operator key {@code tidings.admin.api-key} in
 * {@code X-API-Key}, or an identity with role {@code tidings.admin.role}. No credential at all:
 * 401; a credential the authenticator refuses: its status; known but not allowed: 403.
 */
@RequestScoped
public class Caller {

    static final String API_KEY_HEADER = "X-API-Key";

    @Inject
    HttpServletRequest request;

    @Inject
    Settings settings;

    @Inject
    Authenticator authenticator;

    @Inject
    Metrics metrics;

    @Inject
    RoomAccess roomAccess;

    private Optional<Identity> identity;

    public boolean isAdmin() {
        if (hasOperatorKey()) {
            return true;
        }
        String role = settings.string(Setting.ADMIN_ROLE);
        return identity().map(i -> i.roles().contains(role)).orElse(false)
                || request.getUserPrincipal() != null && request.isUserInRole(role);
    }

    /** The calling user, if the request presents a credential for one. */
    public Optional<String> user() {
        return identity().map(Identity::user);
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw user().isPresent()
                    ? refused(Response.Status.FORBIDDEN, "forbidden", "this operation needs an admin credential")
                    : refused(Response.Status.UNAUTHORIZED, "unauthenticated", "send an admin credential, e.g. X-API-Key");
        }
    }

    /** Anyone who says who they are: an admin or a user; 401 otherwise. */
    public void requireKnown() {
        if (!isAdmin()) {
            requireUser();
        }
    }

    /** Whether the caller may see the room: admins see every room, users the rooms they could join. */
    public boolean mayAccess(String room) {
        return isAdmin() || identity().map(identity -> roomAccess.allows(room, identity)).orElse(false);
    }

    /** 401 without a caller, 403 for a private room the caller is not a member of. */
    public void requireRoomAccess(String room) {
        requireKnown();
        if (!mayAccess(room)) {
            throw refused(Response.Status.FORBIDDEN, "forbidden", "room '" + room + "' is private and you are not one of its members");
        }
    }

    /** The calling user; 401 without one. */
    public String requireUser() {
        return user().orElseThrow(() -> refused(Response.Status.UNAUTHORIZED, "unauthenticated",
                "say who you are: a token, an API key, signing in, or (for guests) ?name=<your name>"));
    }

    /** Admins may act for any user; users only for themselves. */
    public void requireSelfOrAdmin(String user) {
        if (!isAdmin() && !requireUser().equals(user)) {
            throw refused(Response.Status.FORBIDDEN, "forbidden", "you may only act for yourself, not for '" + user + "'");
        }
    }

    private Optional<Identity> identity() {
        if (identity == null) {
            identity = presentsCredential() ? Optional.of(authenticate()) : Optional.empty();
        }
        return identity;
    }

    /** Unlike a handshake, an HTTP call without any credential is not made a random guest. */
    private boolean presentsCredential() {
        return !hasOperatorKey() && (request.getHeader(API_KEY_HEADER) != null || Credentials.hasBearer(request, authenticator.modes().contains(AuthMode.JWT))
                || request.getParameter("name") != null || request.getUserPrincipal() != null);
    }

    private Identity authenticate() {
        try {
            return authenticator.authenticate(request);
        } catch (Refusal refusal) {
            if (refusal.httpStatus() == 400) {
                throw new ApiException(Response.Status.BAD_REQUEST, refusal.code(), refusal.getMessage());
            }
            boolean forbidden = refusal.httpStatus() == 403;
            throw refused(forbidden ? Response.Status.FORBIDDEN : Response.Status.UNAUTHORIZED,
                    forbidden ? "forbidden" : "invalid_credential", refusal.getMessage());
        }
    }

    private boolean hasOperatorKey() {
        String key = request.getHeader(API_KEY_HEADER);
        String expected = settings.string(Setting.ADMIN_API_KEY);
        return key != null && !expected.isEmpty()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
    }

    private ApiException refused(Response.Status status, String code, String message) {
        metrics.authFailed();
        return new ApiException(status, code, message);
    }
}
