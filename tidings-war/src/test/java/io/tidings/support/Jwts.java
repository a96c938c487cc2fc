package io.tidings.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Signs test tokens, good and forged, with a freshly generated RSA key. */
public final class Jwts {

    public static final String ISSUER = "https://issuer.test";
    public static final String AUDIENCE = "tidings";

    private final RSAKey key;

    public Jwts() {
        try {
            key = new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The built WAR configured for jwt mode with this key (plus guests), and any further settings.
     * The key travels in the WAR as {@code test-keys/jwt.pem}.
     */
    public WebArchive deployment(String... settings) {
        String properties = String.join("\n",
                "tidings.auth.modes=jwt,guest",
                "tidings.auth.jwt.algorithm=RS256",
                "tidings.auth.jwt.public-key=classpath:test-keys/jwt.pem",
                "tidings.auth.jwt.issuer=" + ISSUER,
                "tidings.auth.jwt.audience=" + AUDIENCE,
                "tidings.auth.jwt.leeway-seconds=5",
                String.join("\n", settings));
        return Deployments.war()
                .addAsResource(new StringAsset(properties), "tidings.properties")
                .addAsResource(new StringAsset(publicKeyPem()), "test-keys/jwt.pem");
    }

    /** The public key as a PEM file, as the server is configured with it. */
    public String publicKeyPem() {
        try {
            byte[] der = key.toRSAPublicKey().getEncoded();
            return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Valid claims for a user: right issuer and audience, expiring in an hour. */
    public static JWTClaimsSet.Builder claims(String user) {
        return new JWTClaimsSet.Builder().subject(user).issuer(ISSUER).audience(AUDIENCE)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .claim("roles", List.of("member"));
    }

    public String token(String user) {
        return sign(claims(user).build());
    }

    public String token(String user, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims(user)).build());
    }

    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** alg=none: no signature at all. */
    public static String unsigned(String user) {
        return new PlainJWT(claims(user).build()).serialize();
    }

    /** HS256 with the server's public key as the HMAC secret: the classic algorithm confusion attack. */
    public String signedWithPublicKeyAsSecret(String user) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(user).build());
            jwt.sign(new MACSigner(publicKeyPem().getBytes(StandardCharsets.US_ASCII)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload was swapped for another user's, keeping the signature. */
    public String tampered(String user, String otherUser) {
        String[] valid = token(user).split("\\.");
        String payload = token(otherUser).split("\\.")[1];
        return valid[0] + "." + payload + "." + valid[2];
    }
}
