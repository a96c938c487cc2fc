package io.tidings.security;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves who a handshake speaks for with the enabled modes ({@code tidings.auth.modes}). The
 * credential presented decides the mode: a token means jwt, an {@code X-API-Key} header api-key,
 * a container principal container, and otherwise a guest nickname if guests are allowed. A
 * credential for a mode that is not enabled is refused rather than ignored.
 */
@ApplicationScoped
public class Authenticator {

    /** Guest nicknames: letters, digits, dot, dash and underscore, 1 to 32 characters. */
    static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,32}");

    @Inject
    Settings settings;

    @Inject
    Tokens tokens;

    @Inject
    HeldNames heldNames;

    public Identity authenticate(HttpServletRequest request) {
        List<AuthMode> modes = modes();
        Identity identity = resolve(request, modes);
        if (identity.authenticated()) {
            heldNames.hold(identity.user());
        }
        return identity;
    }

    /** The enabled modes ({@code tidings.auth.modes}). */
    public List<AuthMode> modes() {
        return settings.list(Setting.AUTH_MODES).stream().map(AuthMode::parse).toList();
    }

    private Identity resolve(HttpServletRequest request, List<AuthMode> modes) {
        Optional<String> token = Credentials.bearer(request, modes.contains(AuthMode.JWT));
        if (token.isPresent()) {
            return tokens.verify(enabled(modes, AuthMode.JWT, token.get()));
        }
        Optional<String> apiKey = Credentials.apiKey(request);
        if (apiKey.isPresent()) {
            return tokens.identifyApiKey(enabled(modes, AuthMode.API_KEY, apiKey.get()));
        }
        Principal principal = request.getUserPrincipal();
        if (principal != null && modes.contains(AuthMode.CONTAINER)) {
            Set<String> roles = settings.list(Setting.CONTAINER_ROLES).stream().filter(request::isUserInRole)
                    .collect(Collectors.toSet());
            if (!Identity.validUser(principal.getName())) {
                throw Refusal.unauthenticated("the signed-in user's name is not a user name of " + Identity.USER_RULE);
            }
            return new Identity(principal.getName(), roles, Map.of(), AuthMode.CONTAINER, null);
        }
        if (modes.contains(AuthMode.GUEST)) {
            return guest(request.getParameter(Credentials.NAME_PARAMETER));
        }
        throw Refusal.unauthenticated("credentials required; this server accepts: "
                + modes.stream().map(AuthMode::wire).collect(Collectors.joining(", ")));
    }

    private static String enabled(List<AuthMode> modes, AuthMode mode, String credential) {
        if (!modes.contains(mode)) {
            throw Refusal.unauthenticated(mode.wire() + " credentials are not accepted by this server");
        }
        return credential;
    }

    private Identity guest(String requested) {
        if (requested == null || requested.isBlank()) {
            return Identity.guest("guest-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36));
        }
        if (!NAME.matcher(requested).matches()) {
            throw Refusal.invalid("invalid_name", "name must be 1 to 32 letters, digits, dots, dashes or underscores"
                    + " (" + NAME.pattern() + "), not '" + requested + "'");
        }
        if (heldNames.isHeld(requested)) {
            throw Refusal.forbidden("name '" + requested + "' belongs to a registered user; choose another");
        }
        return Identity.guest(requested);
    }
}
