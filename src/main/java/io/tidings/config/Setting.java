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
    OUTBOUND_SEND_TIMEOUT_MS("tidings.outbound.send-timeout-ms", "10000"),
    /** Messages a join without {@code since} returns. */
    ROOMS_HISTORY_ON_JOIN("tidings.rooms.history-on-join", "50"),
    /** Most messages a reconnecting client gets back; a bigger gap is reported as incomplete. */
    ROOMS_RECOVERY_LIMIT("tidings.rooms.recovery-limit", "1000"),
    /** Recent messages per room kept in memory for joins and recovery. */
    ROOMS_WINDOW("tidings.rooms.window", "500"),
    /** Most room messages stored in one transaction. */
    HISTORY_BATCH_SIZE("tidings.history.batch-size", "500"),
    /** Room messages waiting to be stored before senders are told the server is busy. */
    HISTORY_QUEUE_CAPACITY("tidings.history.queue-capacity", "20000"),
    /** Notifications replayed to a connecting user, oldest first. */
    NOTIFICATIONS_REPLAY_LIMIT("tidings.notifications.replay-limit", "1000"),
    /** Days a notification is kept. */
    NOTIFICATIONS_RETENTION_DAYS("tidings.notifications.retention-days", "30");

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
