package io.tidings.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Map;
import java.util.Set;

/**
 * What an application adds to use the {@code container} mode with Jakarta Security: an HTTP
 * authentication mechanism (BASIC here) and an identity store (three users in memory here; in an
 * application, its database or LDAP store). Groups become the caller's roles.
 */
@BasicAuthenticationMechanismDefinition(realmName = "tidings")
@DeclareRoles({"staff", "tidings-admin"})
@ApplicationScoped
public class BasicSignIn implements IdentityStore {

    static final String PASSWORD = "correct horse";

    private static final Map<String, Set<String>> GROUPS = Map.of(
            "c-alice", Set.of("staff"),
            "c-bob", Set.of(),
            "c-root", Set.of("tidings-admin"));

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login && GROUPS.containsKey(login.getCaller())
                && login.getPasswordAsString().equals(PASSWORD)) {
            return new CredentialValidationResult(login.getCaller(), GROUPS.get(login.getCaller()));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
