package io.tidings.config;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads {@link Setting}s. Values are read when asked, so a test or an operator can change a
 * system property on a running server and the next connection sees it.
 */
@ApplicationScoped
public class Settings {

    public String string(Setting setting) {
        String value = System.getProperty(setting.key());
        if (value == null || value.isBlank()) {
            value = System.getenv(setting.environmentVariable());
        }
        return value == null || value.isBlank() ? setting.defaultValue() : value.trim();
    }

    public int integer(Setting setting) {
        return (int) number(setting);
    }

    public long number(Setting setting) {
        String value = string(setting);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(setting.key() + " must be a whole number, not '" + value + "'", e);
        }
    }
}
