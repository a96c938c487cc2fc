package io.tidings.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;

/** Builds the verification key source for the configured algorithm. */
final class TokenKeys {

    private TokenKeys() {
    }

    static JWKSource<SecurityContext> of(JWSAlgorithm algorithm, String secret, String publicKey, String jwks) {
        if (JWSAlgorithm.HS256.equals(algorithm)) {
            if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
                throw new IllegalStateException("tidings.auth.jwt.secret must be at least 32 bytes for HS256");
            }
            return new ImmutableSecret<>(secret.getBytes(StandardCharsets.UTF_8));
        }
        if (!JWSAlgorithm.RS256.equals(algorithm) && !JWSAlgorithm.ES256.equals(algorithm)) {
            throw new IllegalStateException("tidings.auth.jwt.algorithm must be HS256, RS256 or ES256, not " + algorithm);
        }
        try {
            if (!jwks.isBlank()) {
                return new ImmutableJWKSet<>(JWKSet.parse(Locations.read(jwks)));
            }
            if (!publicKey.isBlank()) {
                return new ImmutableJWKSet<>(new JWKSet(fromPem(Locations.read(publicKey), algorithm)));
            }
        } catch (ParseException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JWT verification key: " + e.getMessage(), e);
        }
        throw new IllegalStateException("jwt mode with " + algorithm + " needs tidings.auth.jwt.public-key or tidings.auth.jwt.jwks");
    }

    /** A PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo), as {@code openssl pkey -pubout} writes it. */
    static JWK fromPem(String pem, JWSAlgorithm algorithm) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
        if (JWSAlgorithm.RS256.equals(algorithm)) {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(spec);
            return new RSAKey.Builder((RSAPublicKey) key).build();
        }
        ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec);
        return new ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256, key).build();
    }
}
