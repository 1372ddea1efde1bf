package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.test.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn migrate diff} and {@code check --drift} on a real PostgreSQL server, replaying into a scratch schema. */
final class PostgresSchemaCommandsTest {
    @TempDir
    Path folder;

    private final String schema = PostgresServer.unusedSchema("cli_drift");

    @AfterEach
    void dropSchema() {
        PostgresServer.dropSchema(schema);
    }

    private static int scratchSchemas() throws SQLException {
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM pg_catalog.pg_namespace"
                     + " WHERE nspname LIKE 'cairn\\_scratch\\_%'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void aFolderReplayedIntoAScratchSchemaFindsTheColumnAddedByHand() throws IOException, SQLException {
        Path sql = Files.createDirectories(folder.resolve("db"));
        Files.writeString(sql.resolve("V1__widgets.sql"), "CREATE TABLE widget (id bigint PRIMARY KEY);\n");
        Files.writeString(sql.resolve("V2__widget_name.sql"), "ALTER TABLE widget ADD COLUMN name text NOT NULL;\n"
                + "CREATE INDEX widget_name_idx ON widget (lower(name)) WHERE name <> '';\n");
        String store = PostgresServer.cairnUrl(schema);
        int scratchBefore = scratchSchemas();
        Cli.Result up = new Cli(folder).run("--url", store, "migrate", "up", "--location", sql.toString());
        assertThat(up.exitCode()).as(up.toString()).isZero();

        Cli.Result equal = new Cli(folder).run("migrate", "diff", "--from", "folder:db", "--to", store);
        Cli.Result noDrift = new Cli(folder).run("--url", store, "migrate", "check", "--drift", "--location",
                sql.toString());
        PostgresServer.execute("ALTER TABLE " + schema + ".widget ADD COLUMN colour text");
        Cli.Result drift = new Cli(folder).run("--url", store, "migrate", "check", "--drift", "--location",
                sql.toString());

        assertThat(equal.exitCode()).as(equal.toString()).isZero();
        assertThat(equal.out()).isEqualTo("No differences.\n");
        assertThat(noDrift.exitCode()).as(noDrift.toString()).isZero();
        assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(drift.out()).contains("~ tables.widget").contains("columns.colour.type: null -> text")
                .doesNotContain("widget_name_idx");
        assertThat(scratchSchemas()).isEqualTo(scratchBefore);
    }
}
