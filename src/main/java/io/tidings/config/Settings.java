package io.tidings.config;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Reads {@link Setting}s. Values are read when asked, so a test or an operator can change a
 * system property on a running server and the next connection sees it.
 * <p>
 * Lookup order: system property, environment variable, then {@value #FILE} packaged in the WAR
 * ({@code WEB-INF/classes}), then the default. The file lets a team ship a configured WAR.
 */
@ApplicationScoped
public class Settings {

    /** The optional properties file in the WAR, the lowest-priority source before the defaults. */
    public static final String FILE = "tidings.properties";

    private final Properties packaged = load();

    public String string(Setting setting) {
        String value = System.getProperty(setting.key());
        if (blank(value)) {
            value = System.getenv(setting.environmentVariable());
        }
        if (blank(value)) {
            value = packaged.getProperty(setting.key());
        }
        return blank(value) ? setting.defaultValue() : value.trim();
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

    /** A comma-separated list; empty when the setting is blank. */
    public List<String> list(Setting setting) {
        return Arrays.stream(string(setting).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Settings.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
        return properties;
    }
}
