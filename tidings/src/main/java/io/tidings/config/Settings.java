package io.tidings.config;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads {@link Setting}s. Values are read when asked, so a test or an operator can change a
 * system property on a running server and the next connection sees it. Every value is checked
 * against its {@link Rule} when the application starts ({@link SettingsCheck}); a number is
 * checked again whenever it is read.
 * <p>
 * Lookup order: system property, environment variable, then {@value #FILE} packaged in the WAR
 * ({@code WEB-INF/classes}), then the default. The file lets a team ship a configured WAR.
 */
@ApplicationScoped
public class Settings {

    /**
     * When the settings are checked as the application starts: before everything else observing the
     * start ({@link SettingsCheck}); the schema migrations come next.
     */
    public static final int CHECK_PRIORITY = jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE;

    /** The optional properties file in the WAR, the lowest-priority source before the defaults. */
    public static final String FILE = "tidings.properties";

    private final Properties packaged = load();

    public String string(Setting setting) {
        return configured(setting).map(Configured::value).orElse(setting.defaultValue());
    }

    public int integer(Setting setting) {
        return (int) number(setting);
    }

    /** A whole number, within the setting's rule (a value changed on a running server is checked when read). */
    public long number(Setting setting) {
        Optional<Configured> configured = configured(setting);
        if (configured.isEmpty()) {
            return Long.parseLong(setting.defaultValue());
        }
        Configured given = configured.get();
        given.problem().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        return Long.parseLong(given.value());
    }

    /**
     * What is wrong with the settings as they are now, one line per setting naming it, its value,
     * where the value comes from and what is allowed; empty when every value is allowed.
     */
    public List<String> problems() {
        return Arrays.stream(Setting.values()).map(this::configured).flatMap(Optional::stream)
                .map(Configured::problem).flatMap(Optional::stream).toList();
    }

    /** A value set for a setting (blank counts as not set), and where it was set. */
    private record Configured(Setting setting, String value, String source) {
        Optional<String> problem() {
            return setting.rule().refuse(value).map(allowed -> setting.key() + " = '" + value + "' (" + source
                    + ") is not allowed: it must be " + allowed);
        }
    }

    private Optional<Configured> configured(Setting setting) {
        String value = System.getProperty(setting.key());
        if (!blank(value)) {
            return Optional.of(new Configured(setting, value.trim(), "system property"));
        }
        value = System.getenv(setting.environmentVariable());
        if (!blank(value)) {
            return Optional.of(new Configured(setting, value.trim(), "environment variable " + setting.environmentVariable()));
        }
        value = packaged.getProperty(setting.key());
        if (!blank(value)) {
            return Optional.of(new Configured(setting, value.trim(), FILE));
        }
        return Optional.empty();
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
