package io.tidings.schema;

import io.tidings.config.Settings;
import io.tidings.platform.Platform;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Brings the schema to the version this jar needs before any other bean starts (right after the
 * settings are checked): Flyway applies
 * the migrations in {@code db/tidings/h2} or {@code db/tidings/postgresql} on the datasource of the
 * persistence unit, and records them in {@value #HISTORY_TABLE}. Flyway takes a lock for the
 * run, so two nodes starting at once apply each migration once. A database that already holds
 * other tables (an application's own) is fine: Tidings' migrations create only what is missing.
 * A migration that fails fails the deployment.
 */
@ApplicationScoped
class Migrations {

    /** Where Flyway records what it applied. */
    public static final String HISTORY_TABLE = "TIDINGS_SCHEMA_HISTORY";

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    void migrate(@Observes @Priority(Settings.CHECK_PRIORITY + 1) @Initialized(ApplicationScoped.class) Object started) {
        DataSource dataSource = Platform.dataSource(); // the persistence unit's (see persistence.xml)
        refuseUnversionedTables(dataSource);
        MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/tidings/" + vendor(dataSource))
                .table(HISTORY_TABLE)
                // A schema with tables of its own but no history table: start from version 0, so that
                // every Tidings migration still runs (they create only what is missing).
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "Tidings database schema at version " + (result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion) + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /** The folder of the database's migrations: {@code h2} or {@code postgresql}. */
    static String vendor(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the default datasource to migrate the schema", e);
        }
        return switch (product.toLowerCase(Locale.ROOT)) {
            case "h2" -> "h2";
            case "postgresql" -> "postgresql";
            default -> throw new IllegalStateException("Tidings has schema migrations for H2 and PostgreSQL, not for "
                    + product + " (the default datasource)");
        };
    }

    /**
     * A database whose Tidings tables were made by a JPA provider (builds before the migrations)
     * has other column types than the migrations make: stop with a clear message instead of
     * running on it.
     */
    static void refuseUnversionedTables(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection, HISTORY_TABLE) && exists(connection, "TIDINGS_ROOM_MESSAGE")) {
                throw new IllegalStateException("the default datasource holds Tidings tables made before schema "
                        + "migrations (no " + HISTORY_TABLE + "), with other column types; delete that database "
                        + "(see docs/configuration.md, Database) or move its data by hand");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the default datasource's tables", e);
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) { // H2 upper, PostgreSQL lower case
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
