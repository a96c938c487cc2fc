package io.tidings.security;

import io.tidings.metrics.Metrics;
import io.tidings.config.Setting;
import io.tidings.config.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks every WebSocket handshake before the upgrade: Origin, credentials, connection limits.
 * A refused handshake gets a plain HTTP error (401, 403, 429, 503) and never becomes a WebSocket.
 * <p>
 * This works because both containers register their upgrade filter (Undertow's
 * {@code JsrWebSocketFilter}, Tyrus's {@code TyrusServletFilter}) programmatically with
 * {@code isMatchAfter=true}, i.e. after the filters the application declares, and both run the
 * upgrade on the request thread, so the identity is handed to the endpoint's configurator in a
 * thread local. The one pattern {@code /ws/*} also matches {@code /ws}: mapped to both, the filter
 * ran twice for {@code /ws} and admitted the handshake twice under the connection limits.
 */
@WebFilter(urlPatterns = "/ws/*", asyncSupported = true)
public class HandshakeFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(HandshakeFilter.class.getName());
    private static final ThreadLocal<Identity> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<ConnectionLimits.Admission> ADMISSION = new ThreadLocal<>();

    @Inject
    Settings settings;

    @Inject
    Authenticator authenticator;

    @Inject
    ConnectionLimits limits;

    @Inject
    Metrics metrics;

    /** The identity of the handshake running on this thread, if the filter accepted it. */
    public static Optional<Identity> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The admission under the connection limits of the handshake running on this thread. */
    public static Optional<ConnectionLimits.Admission> admission() {
        return Optional.ofNullable(ADMISSION.get());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            chain.doFilter(request, response);
            return;
        }
        Identity identity;
        ConnectionLimits.Admission admission;
        try {
            identity = authenticate(request);
            admission = limits.admit(request.getRemoteAddr(), identity.user());
        } catch (Refusal refusal) {
            // Logged without the query string or headers: they may carry a token or an API key.
            LOG.log(Level.FINE, () -> "handshake from " + request.getRemoteAddr() + " refused: " + refusal.getMessage());
            if (refusal.httpStatus() == 401 || refusal.httpStatus() == 403) {
                metrics.authFailed();
            }
            reply(response, refusal.httpStatus(), refusal.getMessage());
            return;
        } catch (IllegalStateException misconfigured) {
            LOG.log(Level.SEVERE, "cannot check WebSocket handshakes: {0}", misconfigured.getMessage());
            reply(response, 500, "the server's authentication settings are incomplete; see its log");
            return;
        }
        CURRENT.set(identity);
        ADMISSION.set(admission);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
            ADMISSION.remove();
            // A handshake the upgrade took stays admitted until its connection opens (or it lapses);
            // any other is done. Not decided by the response status: a container may report another
            // status here for an upgraded request, and settling then would let a handshake of the same
            // user through before this one's connection is counted.
            if (!admission.claimed()) {
                limits.settle(admission);
            }
        }
    }

    private static void reply(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message);
    }

    private Identity authenticate(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (!OriginPolicy.allows(request.getHeader("Origin"), settings.list(Setting.ORIGINS), request.getScheme(), host)) {
            throw Refusal.forbidden("origin not allowed; add it to tidings.origins");
        }
        return authenticator.authenticate(request);
    }
}
