package io.tidings.config;

import java.util.Locale;

/**
 * Every setting Tidings reads, with its default. The README's configuration table lists the same.
 * A value is looked up as the system property {@link #key()}, then as the environment variable
 * {@link #environmentVariable()}, then the default applies.
 */
public enum Setting {
    /** Frames queued for one connection before it counts as a slow consumer. */
    OUTBOUND_MAX_MESSAGES("tidings.outbound.max-messages", "1024"),
    /** Bytes queued for one connection before it counts as a slow consumer. */
    OUTBOUND_MAX_BYTES("tidings.outbound.max-bytes", "4194304"),
    /** Milliseconds one send may take before the connection is closed as dead. */
    OUTBOUND_SEND_TIMEOUT_MS("tidings.outbound.send-timeout-ms", "10000");

    private final String key;
    private final String defaultValue;

    Setting(String key, String defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String environmentVariable() {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
