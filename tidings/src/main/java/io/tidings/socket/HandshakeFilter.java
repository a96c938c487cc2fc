package io.tidings.socket;

import io.tidings.security.ConnectionLimits;
import io.tidings.security.HandshakeCheck;
import io.tidings.security.Identity;
import io.tidings.security.Refusal;
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
 * Checks every WebSocket handshake before the upgrade ({@link HandshakeCheck}: Origin, credentials,
 * connection limits). A refused handshake gets a plain HTTP error (401, 403, 429, 503) and never
 * becomes a WebSocket.
 * <p>
 * This works because both containers register their upgrade filter (Undertow's
 * {@code JsrWebSocketFilter}, Tyrus's {@code TyrusServletFilter}) programmatically with
 * {@code isMatchAfter=true}, i.e. after the filters the application declares, and both run the
 * upgrade on the request thread, so the identity is handed to the endpoint's configurator in a
 * thread local, the one channel the platform gives; it never leaves this package. The one pattern
 * {@code /ws/*} also matches {@code /ws}: mapped to both, the filter ran twice for {@code /ws} and
 * admitted the handshake twice under the connection limits.
 */
@WebFilter(urlPatterns = "/ws/*", asyncSupported = true)
public class HandshakeFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(HandshakeFilter.class.getName());
    private static final ThreadLocal<HandshakeCheck.Admitted> CURRENT = new ThreadLocal<>();

    @Inject
    HandshakeCheck check;

    /** The identity of the handshake running on this thread, if the filter accepted it. */
    static Optional<Identity> current() {
        return Optional.ofNullable(CURRENT.get()).map(HandshakeCheck.Admitted::identity);
    }

    /** The admission under the connection limits of the handshake running on this thread. */
    static Optional<ConnectionLimits.Admission> admission() {
        return Optional.ofNullable(CURRENT.get()).map(HandshakeCheck.Admitted::admission);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            chain.doFilter(request, response);
            return;
        }
        HandshakeCheck.Admitted admitted;
        try {
            admitted = check.admit(request);
        } catch (Refusal refusal) {
            // Logged without the query string or headers: they may carry a token or an API key.
            LOG.log(Level.FINE, () -> "handshake from " + request.getRemoteAddr() + " refused: " + refusal.getMessage());
            reply(response, refusal.httpStatus(), refusal.getMessage());
            return;
        } catch (IllegalStateException misconfigured) {
            LOG.log(Level.SEVERE, "cannot check WebSocket handshakes: {0}", misconfigured.getMessage());
            reply(response, 500, "the server's authentication settings are incomplete; see its log");
            return;
        }
        CURRENT.set(admitted);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
            check.finished(admitted);
        }
    }

    private static void reply(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message);
    }
}
