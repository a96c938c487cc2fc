package io.tidings.config;

import java.util.Locale;

/**
 * Every setting Tidings reads, with its default and the values it allows: the one place they are
 * written. {@code docs/configuration.md} and the scripts in {@code server-config/} list the same,
 * and a test fails when they disagree.
 * A value is looked up as the system property {@link #key()}, then as the environment variable
 * {@link #environmentVariable()}, then in {@code tidings.properties} in the WAR, then the default
 * applies.
 */
public enum Setting {
    /** Frames queued for one connection before it counts as a slow consumer. */
    OUTBOUND_MAX_MESSAGES("tidings.outbound.max-messages", "1024", Rule.whole(1, Integer.MAX_VALUE)),
    /** Bytes queued for one connection before it counts as a slow consumer. */
    OUTBOUND_MAX_BYTES("tidings.outbound.max-bytes", "4194304", Rule.whole(1024, Integer.MAX_VALUE)),
    /** Milliseconds one send may wait for the container before the connection is closed with 4000; 0 disables. */
    OUTBOUND_SEND_TIMEOUT_MS("tidings.outbound.send-timeout-ms", "10000", Rule.whole(0, Integer.MAX_VALUE)),
    /**
     * Milliseconds a slow consumer's connection, already cut off, gets to read what was queued
     * before its close frame (4008) is sent.
     */
    OUTBOUND_CLOSE_DRAIN_MS("tidings.outbound.close-drain-ms", "5000", Rule.whole(0, Integer.MAX_VALUE)),
    /** Messages a join without {@code since} returns. */
    ROOMS_HISTORY_ON_JOIN("tidings.rooms.history-on-join", "50", Rule.whole(0, Integer.MAX_VALUE)),
    /** Most messages one {@code history} frame may ask for. */
    ROOMS_HISTORY_PAGE("tidings.rooms.history-page", "200", Rule.whole(1, Integer.MAX_VALUE)),
    /** Most messages a reconnecting client gets back; a bigger gap is reported as incomplete. */
    ROOMS_RECOVERY_LIMIT("tidings.rooms.recovery-limit", "1000", Rule.whole(0, Integer.MAX_VALUE)),
    /**
     * Most bytes of messages one reply holds (a {@code joined} catch-up, a {@code history} page, an
     * SSE resume), counted as the outbound queue counts them; never more than half of
     * {@code tidings.outbound.max-bytes}, so that no answer closes the connection that asked.
     */
    ROOMS_REPLY_BYTES("tidings.rooms.reply-bytes", "1048576", Rule.whole(1024, Integer.MAX_VALUE)),
    /** Seconds an empty room stays in memory; its history stays in the database. */
    ROOMS_IDLE_SECONDS("tidings.rooms.idle-seconds", "60", Rule.whole(0, Integer.MAX_VALUE)),
    /** Most rooms held in memory; beyond, empty ones are evicted at once or new ones refused ({@code rooms_full}). */
    ROOMS_MAX_IN_MEMORY("tidings.rooms.max-in-memory", "10000", Rule.whole(1, Integer.MAX_VALUE)),
    /** Rooms one connection may bring into memory (join a room this server does not hold) per minute. */
    ROOMS_LOADS_PER_MINUTE("tidings.limits.new-rooms-per-minute", "30", Rule.whole(1, Integer.MAX_VALUE)),
    /** Recent messages per room kept in memory for joins and recovery. */
    ROOMS_WINDOW("tidings.rooms.window", "500", Rule.whole(1, Integer.MAX_VALUE)),
    /** Members listed in a join reply; bigger rooms list this many and give the count. */
    ROOMS_MEMBERS_ON_JOIN("tidings.rooms.members-on-join", "200", Rule.whole(0, Integer.MAX_VALUE)),
    /** Rooms with more members than this send no join/leave presence (it would grow with the square of the size). */
    ROOMS_PRESENCE_LIMIT("tidings.rooms.presence-limit", "500", Rule.whole(0, Integer.MAX_VALUE)),
    /** Most room messages stored in one transaction. */
    HISTORY_BATCH_SIZE("tidings.history.batch-size", "500", Rule.whole(1, Integer.MAX_VALUE)),
    /** Room messages waiting to be stored before senders are told the server is busy. */
    HISTORY_QUEUE_CAPACITY("tidings.history.queue-capacity", "20000", Rule.whole(1, Integer.MAX_VALUE)),
    /** Stored room messages waiting for the application's {@code MessageReceived} observers; beyond, events are dropped (logged). */
    EVENTS_QUEUE_CAPACITY("tidings.events.queue-capacity", "10000", Rule.whole(1, Integer.MAX_VALUE)),
    /** Notifications replayed to a connecting user, oldest first. */
    NOTIFICATIONS_REPLAY_LIMIT("tidings.notifications.replay-limit", "1000", Rule.whole(0, Integer.MAX_VALUE)),
    /** Most notifications one {@code notification.list} frame returns. */
    NOTIFICATIONS_LIST_PAGE("tidings.notifications.list-page", "100", Rule.whole(1, Integer.MAX_VALUE)),
    /** Days a notification is kept. */
    NOTIFICATIONS_RETENTION_DAYS("tidings.notifications.retention-days", "30", Rule.whole(1, Integer.MAX_VALUE)),

    /** Authentication modes tried in order: guest, jwt, api-key, container. */
    AUTH_MODES("tidings.auth.modes", "guest", Rule.listOf("guest", "jwt", "api-key", "container")),
    /** The one JWS algorithm accepted: HS256, RS256 or ES256. Never taken from the token. */
    JWT_ALGORITHM("tidings.auth.jwt.algorithm", "RS256", Rule.oneOf("HS256", "RS256", "ES256")),
    /** HS256 shared secret (at least 32 bytes). */
    JWT_SECRET("tidings.auth.jwt.secret", "", Rule.text()),
    /** RS256/ES256 public key: a PEM file, or classpath:name for one in the WAR. */
    JWT_PUBLIC_KEY("tidings.auth.jwt.public-key", "", Rule.text()),
    /** RS256/ES256 public keys as a JWKS file (instead of a PEM key). */
    JWT_JWKS("tidings.auth.jwt.jwks", "", Rule.text()),
    /** Required value of the token's iss claim. */
    JWT_ISSUER("tidings.auth.jwt.issuer", "", Rule.text()),
    /** Value the token's aud claim must contain. */
    JWT_AUDIENCE("tidings.auth.jwt.audience", "tidings", Rule.text()),
    /** Clock skew allowed on exp and nbf, in seconds. */
    JWT_LEEWAY_SECONDS("tidings.auth.jwt.leeway-seconds", "30", Rule.whole(0, Integer.MAX_VALUE)),
    /** Claim holding the user's roles (a string array). */
    JWT_ROLES_CLAIM("tidings.auth.jwt.roles-claim", "roles", Rule.text()),
    /** Claim listing the private rooms (names or prefix*) the user may join. */
    JWT_ROOMS_CLAIM("tidings.auth.jwt.rooms-claim", "rooms", Rule.text()),
    /** Seconds a connection may stay open after its token expired, waiting for auth.refresh. */
    AUTH_EXPIRY_GRACE_SECONDS("tidings.auth.expiry-grace-seconds", "30", Rule.whole(0, Integer.MAX_VALUE)),
    /** API keys file (properties: key=user[,role...]), or classpath:name. */
    API_KEYS("tidings.auth.api-keys", "", Rule.text()),
    /** Container roles copied to the identity in container mode (isUserInRole cannot list them). */
    CONTAINER_ROLES("tidings.auth.container.roles", "", Rule.text()),

    /** Origins allowed to open a WebSocket; empty means the application's own origin only. */
    ORIGINS("tidings.origins", "", Rule.text()),
    /** Open connections on this server. */
    MAX_CONNECTIONS("tidings.limits.connections", "10000", Rule.whole(1, Integer.MAX_VALUE)),
    /** Open connections from one remote address. */
    MAX_CONNECTIONS_PER_ADDRESS("tidings.limits.connections-per-address", "100", Rule.whole(1, Integer.MAX_VALUE)),
    /** Open connections of one user. */
    MAX_CONNECTIONS_PER_USER("tidings.limits.connections-per-user", "10", Rule.whole(1, Integer.MAX_VALUE)),
    /** Rooms one connection may be in at once. */
    MAX_ROOMS_PER_CONNECTION("tidings.limits.rooms-per-connection", "100", Rule.whole(1, Integer.MAX_VALUE)),
    /** Private rooms: names or prefixes ending in *, comma-separated. */
    ROOMS_PRIVATE("tidings.rooms.private", "", Rule.text()),
    /** Access file for private rooms (properties: pattern=user:name, role:name), or classpath:name. */
    ROOMS_ACCESS("tidings.rooms.access", "", Rule.text()),
    /** Largest text or binary message a client may send, in bytes. */
    MAX_FRAME_BYTES("tidings.limits.frame-bytes", "65536", Rule.whole(1, Integer.MAX_VALUE)),
    /** Deepest nesting of arrays and objects in a client frame or HTTP body ({@code too_deep} beyond). */
    JSON_DEPTH("tidings.limits.json-depth", "64", Rule.whole(1, 500)),
    /** Client frames per second one connection may send on average. */
    RATE_PER_SECOND("tidings.limits.rate-per-second", "20", Rule.whole(1, Integer.MAX_VALUE)),
    /** Client frames one connection may send in a burst. */
    RATE_BURST("tidings.limits.rate-burst", "40", Rule.whole(1, Integer.MAX_VALUE)),
    /** Frames refused in a row for the rate limit before the connection is closed. */
    RATE_STRIKES("tidings.limits.rate-strikes", "20", Rule.whole(1, Integer.MAX_VALUE)),

    /** Milliseconds between server pings. */
    HEARTBEAT_INTERVAL_MS("tidings.heartbeat.interval-ms", "30000", Rule.whole(100, Integer.MAX_VALUE)),
    /** Pings left unanswered before the connection is closed. */
    HEARTBEAT_MISSED_PONGS("tidings.heartbeat.missed-pongs", "2", Rule.whole(1, Integer.MAX_VALUE)),
    /** Milliseconds without a client frame before the connection is closed; 0 disables. */
    IDLE_TIMEOUT_MS("tidings.idle-timeout-ms", "600000", Rule.whole(0, Integer.MAX_VALUE)),

    /** The API key ({@code X-API-Key}) of HTTP API admin calls; empty: admin by API key is off. */
    ADMIN_API_KEY("tidings.admin.api-key", "", Rule.text()),
    /** The container role that makes an authenticated caller an HTTP API admin. */
    ADMIN_ROLE("tidings.admin.role", "tidings-admin", Rule.text()),
    /** Most items one HTTP API page returns (history, notifications). */
    API_MAX_PAGE("tidings.api.max-page", "500", Rule.whole(1, Integer.MAX_VALUE)),
    /** Seconds between SSE heartbeat comments. */
    SSE_HEARTBEAT_SECONDS("tidings.sse.heartbeat-seconds", "15", Rule.whole(1, Integer.MAX_VALUE)),
    /** Events queued for one SSE stream before it is closed as a slow consumer. */
    SSE_MAX_EVENTS("tidings.sse.max-events", "1024", Rule.whole(1, Integer.MAX_VALUE)),
    /** Bytes queued for one SSE stream (two per character of the events' data) before it is closed as a slow consumer. */
    SSE_MAX_BYTES("tidings.sse.max-bytes", "4194304", Rule.whole(1024, Integer.MAX_VALUE));

    private final String key;
    private final String defaultValue;
    private final Rule rule;

    Setting(String key, String defaultValue, Rule rule) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.rule = rule;
    }

    /** What values are allowed. */
    public Rule rule() {
        return rule;
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
