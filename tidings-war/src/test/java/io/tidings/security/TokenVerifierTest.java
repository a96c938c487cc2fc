package io.tidings.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tidings.support.Jwts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenVerifierTest {

    private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!";

    private static TokenVerifier verifier(JWSAlgorithm algorithm, String secret, String pem) {
        return new TokenVerifier(algorithm, TokenKeys.of(algorithm, secret, pem.isEmpty() ? "" : file(pem), ""),
                Jwts.ISSUER, Jwts.AUDIENCE, 5, "roles");
    }

    private static String file(String content) {
        try {
            Path file = Files.createTempFile("tidings-key", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, content).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hs256(JWTClaimsSet claims, String secret) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    @Test
    void validHs256TokenGivesItsSubjectRolesAndExpiry() throws JOSEException {
        Instant exp = Instant.now().plusSeconds(600);
        String token = hs256(Jwts.claims("ada").expirationTime(Date.from(exp)).build(), SECRET);
        Identity identity = verifier(JWSAlgorithm.HS256, SECRET, "").verify(token);
        assertEquals("ada", identity.user());
        assertEquals(Set.of("member"), identity.roles());
        assertEquals(AuthMode.JWT, identity.mode());
        assertEquals(exp.getEpochSecond(), identity.expiresAt().getEpochSecond());
    }

    @Test
    void hs256TokenWithAnotherSecretIsRefused() throws JOSEException {
        String token = hs256(Jwts.claims("ada").build(), "another-secret-of-at-least-32-bytes!!");
        assertThrows(Refusal.class, () -> verifier(JWSAlgorithm.HS256, SECRET, "").verify(token));
    }

    @Test
    void expiryWithinTheLeewayIsStillAccepted() throws JOSEException {
        String token = hs256(Jwts.claims("ada").expirationTime(Date.from(Instant.now().minusSeconds(2))).build(), SECRET);
        assertEquals("ada", verifier(JWSAlgorithm.HS256, SECRET, "").verify(token).user());
    }

    @Test
    void es256TokenIsVerifiedWithItsPemPublicKeyAndAnRs256OneIsRefused() throws JOSEException {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.toECPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), Jwts.claims("eve").build());
        jwt.sign(new ECDSASigner(key));
        TokenVerifier verifier = verifier(JWSAlgorithm.ES256, "", pem);
        assertEquals("eve", verifier.verify(jwt.serialize()).user());
        assertThrows(Refusal.class, () -> verifier.verify(new Jwts().token("eve")));
    }

    @Test
    void refusalIsAnUnauthenticatedCloseAndA401() throws JOSEException {
        String token = hs256(Jwts.claims("ada").audience("other").build(), SECRET);
        Refusal refusal = assertThrows(Refusal.class, () -> verifier(JWSAlgorithm.HS256, SECRET, "").verify(token));
        assertEquals(401, refusal.httpStatus());
        assertEquals(4001, refusal.closeCode());
    }

    @Test
    void shortSecretsAndUnpinnedAlgorithmsAreConfigurationErrors() {
        assertThrows(IllegalStateException.class, () -> TokenKeys.of(JWSAlgorithm.HS256, "short", "", ""));
        assertThrows(IllegalStateException.class, () -> TokenKeys.of(JWSAlgorithm.HS512, SECRET, "", ""));
        assertThrows(IllegalStateException.class, () -> TokenKeys.of(JWSAlgorithm.RS256, "", "", ""));
    }
}
