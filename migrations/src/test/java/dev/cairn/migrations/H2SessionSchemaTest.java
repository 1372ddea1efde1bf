package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2's counterpart of a changed search path: a migration that sets another schema. */
class H2SessionSchemaTest {
    @TempDir
    Path temp;

    @Test
    void migrationThatSetsAnotherSchemaDoesNotRedirectTheHistoryOrTheNextMigration() throws SQLException {
        String url = "jdbc:h2:mem:sessionschema;DB_CLOSE_DELAY=-1";
        Path folder = temp.resolve("db");
        TestFiles.write(folder, "V1__elsewhere.sql", "CREATE SCHEMA other;\nSET SCHEMA other;\n"
                + "CREATE TABLE moved (id INTEGER);\n");
        TestFiles.write(folder, "V2__here.sql", "CREATE TABLE here (id INTEGER);\n");

        Migrator.builder().jdbcUrl(url).sets(MigrationSets.directory(folder, "app", Dialect.H2)).build().migrate();

        try (Connection connection = DriverManager.getConnection(url)) {
            List<String> tables = Snapshots.rows(connection, "SELECT table_schema || '.' || table_name"
                    + " FROM information_schema.tables WHERE table_schema IN ('PUBLIC', 'OTHER')");
            assertThat(tables).containsExactlyInAnyOrder("OTHER.MOVED", "PUBLIC.HERE", "PUBLIC.CAIRN_SCHEMA_HISTORY",
                    "PUBLIC.CAIRN_SCHEMA_HISTORY_LOCK");
        }
    }
}
