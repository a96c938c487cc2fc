package io.tidings.history;

import io.tidings.platform.Platform;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes what was committed durable before it is acknowledged. PostgreSQL and other server
 * databases flush their log at commit already; the embedded H2 of the containers' default
 * datasource writes commits to its file in the background, so after a batch is committed
 * {@code CHECKPOINT SYNC} writes it out and forces it to the disk (one fsync per batch, not per
 * message). An in-memory H2 has nothing to sync.
 */
@ApplicationScoped
public class Durability {

    private static final Logger LOG = Logger.getLogger(Durability.class.getName());

    /** The datasource persistence.xml uses. */
    DataSource dataSource = Platform.dataSource();

    /** null until the first call looked at the database. */
    private volatile Boolean needsSync;

    /**
     * Called after a commit, before it is acknowledged: returns once the commit is on disk.
     * Throws when it could not be made so (the caller then fails what it was about to acknowledge).
     */
    public void committed() {
        Boolean sync = needsSync;
        if (sync != null && !sync) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (sync == null) {
                DatabaseMetaData meta = connection.getMetaData();
                sync = "H2".equalsIgnoreCase(meta.getDatabaseProductName()) && !meta.getURL().contains(":mem:");
                needsSync = sync;
                LOG.log(Level.INFO, "the database is {0}; commits are {1}", new Object[] {meta.getDatabaseProductName(),
                        sync ? "forced to disk with CHECKPOINT SYNC before they are acknowledged" : "durable as the database makes them"});
                if (!sync) {
                    return;
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the commit could not be forced to disk: " + e.getMessage(), e);
        }
    }
}
