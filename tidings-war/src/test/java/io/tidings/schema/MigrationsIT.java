package io.tidings.schema;

import io.tidings.platform.Platform;
import io.tidings.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs inside the container, on its default datasource: the schema is the migrations', recorded by
 * Flyway, and not the JPA provider's (which would have made timestamps, not milliseconds).
 */
@ExtendWith(ArquillianExtension.class)
class MigrationsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithTestSupport(MigrationsIT.class);
    }

    @Test
    void everyMigrationIsRecordedAsApplied() throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Connection db = Platform.dataSource().getConnection();
             ResultSet rows = db.createStatement().executeQuery("select * from " + Migrations.HISTORY_TABLE)) {
            while (rows.next()) {
                if (rows.getString("version") != null && !"0".equals(rows.getString("version"))) {
                    assertTrue(rows.getBoolean("success"), "migration " + rows.getString("version") + " failed");
                    applied.add(rows.getString("version"));
                }
            }
        }
        assertTrue(applied.contains("1"), "applied: " + applied);
    }

    @Test
    void theTablesHaveTheColumnsOfTheMigrationsNotOfTheProvider() throws SQLException {
        Map<String, String> types = new TreeMap<>();
        try (Connection db = Platform.dataSource().getConnection();
             ResultSet columns = db.getMetaData().getColumns(null, null, "TIDINGS_%", null)) {
            while (columns.next()) {
                types.put(columns.getString("TABLE_NAME") + "." + columns.getString("COLUMN_NAME"),
                        columns.getString("TYPE_NAME").toUpperCase());
            }
        }
        for (String instant : List.of("TIDINGS_ROOM_MESSAGE.SENT_AT", "TIDINGS_NOTIFICATION.CREATED_AT",
                "TIDINGS_NOTIFICATION.READ_AT", "TIDINGS_HELD_NAME.FIRST_SEEN")) {
            assertEquals("BIGINT", types.get(instant), instant + " in " + types);
        }
    }
}
