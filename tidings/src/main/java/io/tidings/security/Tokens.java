package io.tidings.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.tidings.config.Setting;
import io.tidings.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The configured {@link TokenVerifier} and {@link ApiKeys}, rebuilt only when their settings change
 * (settings are read when needed, keys are parsed once per configuration).
 */
@ApplicationScoped
class Tokens {

    private record Cached<T>(List<String> config, T value) {
    }

    @Inject
    Settings settings;

    private volatile Cached<TokenVerifier> verifier;
    private volatile Cached<ApiKeys> apiKeys;

    /** Verifies a JWT; a {@link Refusal} when it is invalid. */
    public Identity verify(String token) {
        List<String> config = List.of(settings.string(Setting.JWT_ALGORITHM), settings.string(Setting.JWT_SECRET),
                settings.string(Setting.JWT_PUBLIC_KEY), settings.string(Setting.JWT_JWKS),
                settings.string(Setting.JWT_ISSUER), settings.string(Setting.JWT_AUDIENCE),
                settings.string(Setting.JWT_LEEWAY_SECONDS), settings.string(Setting.JWT_ROLES_CLAIM));
        Cached<TokenVerifier> current = verifier;
        if (current == null || !current.config().equals(config)) {
            JWSAlgorithm algorithm = JWSAlgorithm.parse(config.get(0));
            current = new Cached<>(config, new TokenVerifier(algorithm, TokenKeys.of(algorithm, config.get(1), config.get(2), config.get(3)),
                    config.get(4), config.get(5), Integer.parseInt(config.get(6)), config.get(7)));
            verifier = current;
        }
        return current.value().verify(token);
    }

    Identity identifyApiKey(String key) {
        List<String> config = List.of(settings.string(Setting.API_KEYS));
        Cached<ApiKeys> current = apiKeys;
        if (current == null || !current.config().equals(config)) {
            if (config.get(0).isBlank()) {
                throw new IllegalStateException("api-key mode needs tidings.auth.api-keys");
            }
            current = new Cached<>(config, ApiKeys.parse(Locations.read(config.get(0))));
            apiKeys = current;
        }
        return current.value().identify(key);
    }
}
