package io.tidings.schema;

import io.tidings.platform.Platform;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.logging.Logger;

/**
 * Brings the schema to the version this jar needs before any other bean starts: Flyway applies
 * the migrations in {@code db/tidings/{vendor}} (H2 and PostgreSQL) on the datasource of the
 * persistence unit, and records them in {@value #HISTORY_TABLE}. Flyway takes a lock for the
 * run, so two nodes starting at once apply each migration once. A database that already holds
 * other tables (an application's own) is fine: Tidings' migrations create only what is missing.
 * A migration that fails fails the deployment.
 */
@ApplicationScoped
public class Migrations {

    /** Where Flyway records what it applied. */
    public static final String HISTORY_TABLE = "TIDINGS_SCHEMA_HISTORY";

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object started) {
        MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(Platform.dataSource()) // the persistence unit's (see persistence.xml)
                .locations("classpath:db/tidings/{vendor}")
                .table(HISTORY_TABLE)
                // A schema with tables of its own but no history table: start from version 0, so that
                // every Tidings migration still runs (they create only what is missing).
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "database schema at version " + (result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion) + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
