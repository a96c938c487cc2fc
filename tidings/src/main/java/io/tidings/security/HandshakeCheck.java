package io.tidings.security;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may open a WebSocket: the {@code Origin}, the credentials and the connection limits, decided
 * for one handshake request before the upgrade. The socket package's handshake filter asks, and
 * carries the answer to the endpoint.
 */
@ApplicationScoped
public class HandshakeCheck {

    /** A handshake that may upgrade: who it is, and its place under the connection limits. */
    public record Admitted(Identity identity, ConnectionLimits.Admission admission) {
    }

    @Inject
    Settings settings;

    @Inject
    Authenticator authenticator;

    @Inject
    ConnectionLimits limits;

    @Inject
    Metrics metrics;

    /**
     * Admits the handshake, or throws a {@link Refusal} with its HTTP status (an authentication
     * failure is counted), or an {@link IllegalStateException} when the settings are incomplete.
     */
    public Admitted admit(HttpServletRequest request) {
        try {
            if (!OriginPolicy.allows(request.getHeader("Origin"), settings.list(Setting.ORIGINS), request.getScheme(),
                    request.getHeader("Host"))) {
                throw Refusal.forbidden("origin not allowed; add it to tidings.origins");
            }
            Identity identity = authenticator.authenticate(request);
            return new Admitted(identity, limits.admit(request.getRemoteAddr(), identity.user()));
        } catch (Refusal refusal) {
            if (refusal.httpStatus() == 401 || refusal.httpStatus() == 403) {
                metrics.authFailed();
            }
            throw refusal;
        }
    }

    /**
     * The handshake is over. An admission the upgrade claimed stays until its connection opens (or
     * it lapses); any other is settled. Not decided by the response status: a container may report
     * another status for an upgraded request, and settling then would let a handshake of the same
     * user through before this one's connection is counted.
     */
    public void finished(Admitted admitted) {
        if (!admitted.admission().claimed()) {
            limits.settle(admitted.admission());
        }
    }
}
