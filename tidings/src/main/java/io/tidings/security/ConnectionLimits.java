package io.tidings.security;

import io.tidings.config.Setting;
import io.tidings.config.Settings;
import io.tidings.connections.ConnectionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Connection limits, checked at the handshake: in total, per remote address, per user. A handshake
 * that passes is an {@link Admission} and counts from then on, next to the open connections, until
 * its connection has opened (or it did not upgrade, or {@value #ADMISSION_SECONDS} seconds passed
 * without an open), so simultaneous handshakes cannot pass a limit together.
 */
@ApplicationScoped
public class ConnectionLimits {

    static final long ADMISSION_SECONDS = 10;

    /** A handshake admitted under the limits whose connection is not open yet. */
    public static final class Admission {
        private final String address;
        private final String user;
        private final long lapsesAt;
        private volatile boolean claimed;

        private Admission(String address, String user, long lapsesAt) {
            this.address = address;
            this.user = user;
            this.lapsesAt = lapsesAt;
        }

        /**
         * The upgrade took this admission for its connection (the handshake configurator ran): from
         * now on the connection's open settles it, or it lapses. The handshake filter no longer may.
         */
        public void claim() {
            claimed = true;
        }

        public boolean claimed() {
            return claimed;
        }
    }

    @Inject
    Settings settings;

    @Inject
    ConnectionRegistry connections;

    private final Set<Admission> admitted = ConcurrentHashMap.newKeySet();

    /** Admits a handshake, or refuses it with 503 (server-wide limit) or 429. */
    synchronized Admission admit(String remoteAddress, String user) {
        long now = System.nanoTime();
        pruneLapsed(now);
        if (connections.count() + admitted.size() >= settings.integer(Setting.MAX_CONNECTIONS)) {
            throw Refusal.tooMany(503, "the server has reached its connection limit; retry later");
        }
        int limit = settings.integer(Setting.MAX_CONNECTIONS_PER_ADDRESS);
        if (count(c -> remoteAddress.equals(c.remoteAddress()), a -> remoteAddress.equals(a.address)) >= limit) {
            throw Refusal.tooMany(429, "too many connections from your address (limit " + limit + ")");
        }
        limit = settings.integer(Setting.MAX_CONNECTIONS_PER_USER);
        if (count(c -> user.equals(c.user()), a -> user.equals(a.user)) >= limit) {
            throw Refusal.tooMany(429, "too many connections for user " + user + " (limit " + limit + ")");
        }
        Admission admission = new Admission(remoteAddress, user, now + TimeUnit.SECONDS.toNanos(ADMISSION_SECONDS));
        admitted.add(admission);
        return admission;
    }

    /** Handshakes admitted whose connection has not opened yet, and not lapsed. */
    synchronized long pending() {
        pruneLapsed(System.nanoTime());
        return admitted.size();
    }

    private void pruneLapsed(long now) {
        admitted.removeIf(admission -> now - admission.lapsesAt >= 0);
    }

    private long count(Predicate<io.tidings.connections.Connection> open, Predicate<Admission> pending) {
        return connections.count(open) + admitted.stream().filter(pending).count();
    }

    /**
     * The admitted handshake is settled: its connection is open and counted by the registry, or it
     * did not upgrade. Settling twice is harmless.
     */
    public void settle(Admission admission) {
        if (admission != null) {
            admitted.remove(admission);
        }
    }
}
