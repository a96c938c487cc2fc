package io.tidings.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoomRulesTest {

    private final RoomRules rules = RoomRules.of(List.of("staff-*", "board"),
            "ops = role:operator, user:olga\nbilling* = role:finance\n", "rooms");

    private static Identity user(String name, Set<String> roles, Map<String, Object> claims) {
        return new Identity(name, roles, claims, AuthMode.JWT, null);
    }

    @Test
    void roomsNotNamedAnywhereArePublicForEveryone() {
        assertFalse(rules.isPrivate("lobby"));
        assertTrue(rules.allows("lobby", Identity.guest("pat")));
        assertTrue(rules.allows("staff", Identity.guest("pat")), "staff-* does not cover 'staff'");
    }

    @Test
    void roomsClaimAdmitsByNameOrPrefix() {
        assertTrue(rules.allows("staff-1", user("mia", Set.of(), Map.of("rooms", List.of("staff-*")))));
        assertTrue(rules.allows("board", user("bo", Set.of(), Map.of("rooms", "board"))));
        assertFalse(rules.allows("board", user("bo", Set.of(), Map.of("rooms", List.of("staff-*")))));
        assertFalse(rules.allows("staff-1", user("otto", Set.of("member"), Map.of())));
    }

    @Test
    void accessFileGrantsUsersAndRolesAndMakesItsRoomsPrivate() {
        assertTrue(rules.isPrivate("ops"));
        assertTrue(rules.isPrivate("billing-eu"));
        assertTrue(rules.allows("ops", user("olga", Set.of(), Map.of())));
        assertTrue(rules.allows("ops", user("opal", Set.of("operator"), Map.of())));
        assertTrue(rules.allows("billing-eu", user("fin", Set.of("finance"), Map.of())));
        assertFalse(rules.allows("ops", user("oscar", Set.of("finance"), Map.of())));
    }

    @Test
    void userGrantsNeverApplyToAGuestOfTheSameName() {
        assertFalse(rules.allows("ops", Identity.guest("olga")));
    }
}
