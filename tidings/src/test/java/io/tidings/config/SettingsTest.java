package io.tidings.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    private final Settings settings = new Settings();

    @AfterEach
    void clear() {
        System.clearProperty(Setting.MAX_FRAME_BYTES.key());
        System.clearProperty(Setting.AUTH_MODES.key());
        System.clearProperty(Setting.JWT_ALGORITHM.key());
        System.clearProperty(Setting.JSON_DEPTH.key());
    }

    @Test
    void everyDefaultIsAllowed() {
        for (Setting setting : Setting.values()) {
            assertTrue(setting.defaultValue().isEmpty() || setting.rule().refuse(setting.defaultValue()).isEmpty(),
                    setting.key());
        }
        assertEquals(List.of(), settings.problems());
    }

    @Test
    void eachBadValueIsNamedWithItsSourceAndWhatIsAllowed() {
        System.setProperty(Setting.MAX_FRAME_BYTES.key(), "lots");
        System.setProperty(Setting.AUTH_MODES.key(), "guest,magic");
        System.setProperty(Setting.JWT_ALGORITHM.key(), "none");
        System.setProperty(Setting.JSON_DEPTH.key(), "0");
        assertEquals(List.of(
                "tidings.auth.modes = 'guest,magic' (system property) is not allowed: it must be a comma-separated list of guest, jwt, api-key, container",
                "tidings.auth.jwt.algorithm = 'none' (system property) is not allowed: it must be one of HS256, RS256, ES256",
                "tidings.limits.frame-bytes = 'lots' (system property) is not allowed: it must be a whole number of at least 1",
                "tidings.limits.json-depth = '0' (system property) is not allowed: it must be a whole number from 1 to 500"),
                settings.problems());
        IllegalStateException read = assertThrows(IllegalStateException.class, () -> settings.integer(Setting.MAX_FRAME_BYTES));
        assertTrue(read.getMessage().startsWith("tidings.limits.frame-bytes = 'lots'"), read.getMessage());
    }

    @Test
    void aBlankValueMeansTheDefaultAndValuesAreTrimmed() {
        System.setProperty(Setting.MAX_FRAME_BYTES.key(), "  ");
        assertEquals(65536, settings.integer(Setting.MAX_FRAME_BYTES));
        System.setProperty(Setting.MAX_FRAME_BYTES.key(), " 1000 ");
        assertEquals(1000, settings.integer(Setting.MAX_FRAME_BYTES));
        System.setProperty(Setting.AUTH_MODES.key(), "JWT, guest");
        assertEquals(List.of(), settings.problems());
    }
}
