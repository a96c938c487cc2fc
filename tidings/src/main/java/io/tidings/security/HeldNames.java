package io.tidings.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The names authenticated users have used, on the default datasource, so that a guest can never
 * take one, also after a restart or on another server of the same database. The names known here
 * are remembered in memory; a guest name not among them is looked up once per handshake.
 */
@ApplicationScoped
class HeldNames {

    private static final Logger LOG = Logger.getLogger(HeldNames.class.getName());

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    @Inject
    HeldNameStore store;

    /** Records that an authenticated user uses this name; stored the first time this server sees it. */
    public void hold(String name) {
        if (known.add(name)) {
            try {
                store.store(name);
            } catch (RuntimeException e) {
                // Another handshake stored it at the same moment (then it is held), or the database is
                // away: the user's next handshake tries again.
                LOG.log(Level.FINE, "storing a held name failed", e);
                known.remove(name);
            }
        }
    }

    /** Whether an authenticated user has used this name. */
    public boolean isHeld(String name) {
        if (known.contains(name)) {
            return true;
        }
        if (store.contains(name)) {
            known.add(name);
            return true;
        }
        return false;
    }
}
