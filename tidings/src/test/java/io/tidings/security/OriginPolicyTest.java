package io.tidings.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OriginPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://chat.example.com", "http://chat.example.com:80", "HTTP://Chat.Example.com", "http://chat.example.com/"})
    void theApplicationsOwnOriginIsAllowedByDefaultWhateverTheSpelling(String origin) {
        assertTrue(OriginPolicy.allows(origin, List.of(), "http", "chat.example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://chat.example.com", "http://chat.example.com:8080", "http://chat.example.com.evil.example",
            "http://evil.example", "null", "", "   ", "file://chat.example.com", "http://user@chat.example.com",
            "http://chat.example.com/path", "chat.example.com", "http://chat.example.com?x=1"})
    void anyOtherOriginIsRefused(String origin) {
        assertFalse(OriginPolicy.allows(origin, List.of(), "http", "chat.example.com"));
    }

    @Test
    void missingOriginIsRefused() {
        assertFalse(OriginPolicy.allows(null, List.of(), "http", "chat.example.com"));
    }

    @Test
    void aConfiguredListReplacesTheDefault() {
        List<String> allowed = List.of("https://app.example.com", "https://admin.example.com:8443");
        assertTrue(OriginPolicy.allows("https://app.example.com:443", allowed, "http", "chat.example.com"));
        assertTrue(OriginPolicy.allows("https://admin.example.com:8443", allowed, "http", "chat.example.com"));
        assertFalse(OriginPolicy.allows("https://admin.example.com", allowed, "http", "chat.example.com"));
        assertFalse(OriginPolicy.allows("http://chat.example.com", allowed, "http", "chat.example.com"));
    }
}
