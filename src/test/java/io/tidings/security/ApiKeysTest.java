package io.tidings.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiKeysTest {

    private final ApiKeys keys = ApiKeys.parse("# billing\nk-1=billing, service, admin\nk-2 = reports\n");

    @Test
    void knownKeyGivesItsUserAndRoles() {
        Identity identity = keys.identify("k-1");
        assertEquals("billing", identity.user());
        assertEquals(Set.of("service", "admin"), identity.roles());
        assertEquals(AuthMode.API_KEY, identity.mode());
        assertEquals("reports", keys.identify("k-2").user());
    }

    @Test
    void unknownKeyIsRefusedAsUnauthenticated() {
        assertEquals(401, assertThrows(Refusal.class, () -> keys.identify("k-3")).httpStatus());
        assertThrows(Refusal.class, () -> keys.identify("billing"));
    }
}
