package io.tidings.security;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which rooms are private and who may join them. A pattern is a room name or a prefix ending in
 * {@code *}. A private room admits an authenticated user whose token's rooms claim lists it (or a
 * pattern matching it), or who is granted it in the access file ({@code pattern = user:olga, role:ops}).
 * Guests choose their own names, so {@code user:} grants never apply to them.
 */
final class RoomRules {

    private final List<String> privatePatterns;
    private final Map<String, Set<String>> grants;
    private final String roomsClaim;

    private RoomRules(List<String> privatePatterns, Map<String, Set<String>> grants, String roomsClaim) {
        this.privatePatterns = privatePatterns;
        this.grants = grants;
        this.roomsClaim = roomsClaim;
    }

    static RoomRules of(List<String> privatePatterns, String accessFile, String roomsClaim) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(accessFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> grants = properties.stringPropertyNames().stream().collect(Collectors.toUnmodifiableMap(
                pattern -> pattern, pattern -> Arrays.stream(properties.getProperty(pattern).split(","))
                        .map(String::trim).filter(g -> !g.isEmpty()).collect(Collectors.toUnmodifiableSet())));
        return new RoomRules(List.copyOf(privatePatterns), grants, roomsClaim);
    }

    boolean isPrivate(String room) {
        return privatePatterns.stream().anyMatch(p -> matches(p, room)) || grants.keySet().stream().anyMatch(p -> matches(p, room));
    }

    boolean allows(String room, Identity identity) {
        if (!isPrivate(room)) {
            return true;
        }
        if (!identity.authenticated()) {
            return false;
        }
        return claimed(room, identity.claims().get(roomsClaim)) || grants.entrySet().stream()
                .filter(grant -> matches(grant.getKey(), room))
                .flatMap(grant -> grant.getValue().stream())
                .anyMatch(grantee -> grantee.equals("user:" + identity.user())
                        || grantee.startsWith("role:") && identity.roles().contains(grantee.substring(5)));
    }

    private static boolean claimed(String room, Object claim) {
        if (claim instanceof String single) {
            return matches(single, room);
        }
        return claim instanceof Collection<?> listed && listed.stream().anyMatch(p -> p instanceof String s && matches(s, room));
    }

    static boolean matches(String pattern, String room) {
        return pattern.endsWith("*") ? room.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(room);
    }
}
