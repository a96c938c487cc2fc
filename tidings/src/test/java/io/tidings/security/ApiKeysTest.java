package io.tidings.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void aKeyWhoseUserIsBlankOrNotAUserNameMakesTheFileInvalidWithoutNamingTheKey() {
        for (String file : new String[] {"k-1=\n", "k-1= , admin\n", "k-1=bad name\n", "=billing\n"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ApiKeys.parse(file), file);
            assertFalse(refused.getMessage().contains("k-1"), refused.getMessage());
        }
    }
}
