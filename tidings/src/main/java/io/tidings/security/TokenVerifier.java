package io.tidings.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a JWT with Nimbus JOSE+JWT: the signature with the one configured algorithm (the
 * token's {@code alg} header is never trusted, so {@code none} and algorithm confusion fail),
 * then {@code exp} (required), {@code nbf}, {@code iss} and {@code aud} with a small leeway.
 * The user is the {@code sub} claim, which must be a valid user name ({@link Identity#USER}).
 */
final class TokenVerifier {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String rolesClaim;

    public TokenVerifier(JWSAlgorithm algorithm, JWKSource<SecurityContext> keys, String issuer,
                         String audience, int leewaySeconds, String rolesClaim) {
        if (issuer.isBlank() || audience.isBlank()) {
            throw new IllegalStateException("jwt mode needs tidings.auth.jwt.issuer and tidings.auth.jwt.audience");
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, keys));
        var claims = new DefaultJWTClaimsVerifier<SecurityContext>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp"));
        claims.setMaxClockSkew(leewaySeconds);
        processor.setJWTClaimsSetVerifier(claims);
        this.rolesClaim = rolesClaim;
    }

    /** The identity the token speaks for; a {@link Refusal} (401/4001) when it is not valid. */
    public Identity verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            // Fixed reasons, never a parser message: those may quote parts of the token.
            throw Refusal.unauthenticated("invalid token: not a well-formed signed JWT");
        } catch (BadJOSEException e) {
            // Nimbus names the failed check ("Invalid signature", "Expired JWT", ...), not the token.
            throw Refusal.unauthenticated("invalid token: " + e.getMessage());
        } catch (JOSEException e) {
            throw Refusal.unauthenticated("invalid token: it could not be verified");
        }
        if (!Identity.validUser(claims.getSubject())) {
            throw Refusal.unauthenticated("invalid token: sub must be a user name of " + Identity.USER_RULE);
        }
        return new Identity(claims.getSubject(), roles(claims), plain(claims.getClaims()), AuthMode.JWT,
                claims.getExpirationTime().toInstant());
    }

    private Set<String> roles(JWTClaimsSet claims) {
        try {
            List<String> roles = claims.getStringListClaim(rolesClaim);
            return roles == null ? Set.of() : new HashSet<>(roles);
        } catch (ParseException e) {
            throw Refusal.unauthenticated("invalid token: claim '" + rolesClaim + "' must be an array of strings");
        }
    }

    /** Claims without nulls, as {@link Map#copyOf} refuses them. */
    private static Map<String, Object> plain(Map<String, Object> claims) {
        var copy = new java.util.HashMap<String, Object>();
        claims.forEach((name, value) -> {
            if (value != null) {
                copy.put(name, value);
            }
        });
        return copy;
    }
}
