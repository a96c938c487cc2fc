package io.tidings.security;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API keys of server-to-server clients, from a properties file: {@code key=user[,role...]}.
 * Keys are held and looked up by their SHA-256 digest, so a lookup does not compare the presented
 * key character by character with a real one.
 */
final class ApiKeys {

    private final Map<String, Identity> byDigest;

    private ApiKeys(Map<String, Identity> byDigest) {
        this.byDigest = byDigest;
    }

    static ApiKeys parse(String file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (properties.stringPropertyNames().stream().anyMatch(String::isBlank)) {
            throw new IllegalStateException("the API keys file has a line with an empty key");
        }
        return new ApiKeys(properties.stringPropertyNames().stream().collect(Collectors.toUnmodifiableMap(
                ApiKeys::digest, key -> identity(properties.getProperty(key)))));
    }

    Identity identify(String key) {
        Identity identity = byDigest.get(digest(key));
        if (identity == null) {
            throw Refusal.unauthenticated("unknown API key");
        }
        return identity;
    }

    private static Identity identity(String value) {
        String[] parts = value.split(",");
        if (!Identity.validUser(parts[0].trim())) {
            // The key is never named (it is a secret); the user is config, and names the line.
            throw new IllegalStateException("the API keys file gives a key the user '" + parts[0].trim()
                    + "', which is not a user name of " + Identity.USER_RULE);
        }
        Set<String> roles = Arrays.stream(parts).skip(1).map(String::trim).filter(r -> !r.isEmpty())
                .collect(Collectors.toSet());
        return new Identity(parts[0].trim(), roles, Map.of(), AuthMode.API_KEY, null);
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
