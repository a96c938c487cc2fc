package io.tidings.security;

import io.tidings.config.Settings;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The choice of mode by the credential presented; the container's login is simulated by the request. */
class AuthenticatorTest {

    private final Authenticator authenticator = new Authenticator();

    AuthenticatorTest() {
        authenticator.settings = new Settings();
        authenticator.tokens = new Tokens();
        authenticator.tokens.settings = authenticator.settings;
        authenticator.heldNames = new HeldNames() {
            private final Set<String> held = new java.util.HashSet<>();

            @Override
            public void hold(String name) {
                held.add(name);
            }

            @Override
            public boolean isHeld(String name) {
                return held.contains(name);
            }
        };
    }

    @AfterEach
    void clearSettings() {
        System.clearProperty("tidings.auth.modes");
        System.clearProperty("tidings.auth.container.roles");
    }

    /** A handshake request with these query parameters, an optional principal and the roles it is in. */
    private static HttpServletRequest request(Map<String, String> parameters, String principal, Set<String> roles) {
        return (HttpServletRequest) Proxy.newProxyInstance(AuthenticatorTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (self, method, args) -> switch (method.getName()) {
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getHeader" -> null;
                    case "getHeaders" -> Collections.emptyEnumeration();
                    case "getUserPrincipal" -> principal == null ? null : (Principal) () -> principal;
                    case "isUserInRole" -> roles.contains((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void containerPrincipalBecomesTheUserWithTheListedRolesItIsIn() {
        System.setProperty("tidings.auth.modes", "container");
        System.setProperty("tidings.auth.container.roles", "admin,member");
        Identity identity = authenticator.authenticate(request(Map.of(), "carla", Set.of("admin", "auditor")));
        assertEquals("carla", identity.user());
        assertEquals(Set.of("admin"), identity.roles());
        assertEquals(AuthMode.CONTAINER, identity.mode());
    }

    @Test
    void withoutAPrincipalContainerModeAloneRefusesAs401() {
        System.setProperty("tidings.auth.modes", "container");
        assertEquals(401, assertThrows(Refusal.class, () -> authenticator.authenticate(request(Map.of("name", "ada"), null, Set.of()))).httpStatus());
    }

    @Test
    void aTokenWhereJwtModeIsNotEnabledIsRefusedRatherThanIgnored() {
        System.setProperty("tidings.auth.modes", "guest");
        Refusal refusal = assertThrows(Refusal.class,
                () -> authenticator.authenticate(request(Map.of("access_token", "x.y.z", "name", "ada"), null, Set.of())));
        assertEquals(401, refusal.httpStatus());
    }

    @Test
    void guestNameThatBreaksTheRulesIsRefusedAs400InvalidName() {
        Refusal refusal = assertThrows(Refusal.class,
                () -> authenticator.authenticate(request(Map.of("name", "no spaces"), null, Set.of())));
        assertEquals(400, refusal.httpStatus());
        assertEquals("invalid_name", refusal.code());
    }

    @Test
    void aContainerPrincipalWhoseNameIsBlankOrNotAUserNameIsRefusedAs401() {
        System.setProperty("tidings.auth.modes", "container,guest");
        for (String name : new String[] {"", " ", "carla ", "two words"}) {
            assertEquals(401, assertThrows(Refusal.class,
                    () -> authenticator.authenticate(request(Map.of(), name, Set.of()))).httpStatus(), "'" + name + "'");
        }
    }

    @Test
    void guestWithoutANameGetsAGeneratedOne() {
        assertEquals(AuthMode.GUEST, authenticator.authenticate(request(Map.of(), null, Set.of())).mode());
    }

    @Test
    void guestCannotTakeTheNameOfAContainerUser() {
        System.setProperty("tidings.auth.modes", "container,guest");
        authenticator.authenticate(request(Map.of(), "carla", Set.of()));
        assertEquals(403, assertThrows(Refusal.class,
                () -> authenticator.authenticate(request(Map.of("name", "carla"), null, Set.of()))).httpStatus());
    }

    @Test
    void jwtModeWithoutKeyOrIssuerIsAConfigurationErrorNotARefusal() {
        System.setProperty("tidings.auth.modes", "jwt");
        assertThrows(IllegalStateException.class,
                () -> authenticator.authenticate(request(Map.of("access_token", "x.y.z"), null, Set.of())));
    }
}
