package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.test.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a migration does to the session's search path does not reach the engine's own statements. */
class PostgresSearchPathTest {
    @TempDir
    Path temp;

    private String schema;
    private String url;
    private Path folder;

    @BeforeEach
    void freshSchema() {
        schema = PostgresServer.freshSchema("searchpath");
        url = PostgresServer.jdbcUrl(schema);
        folder = temp.resolve("db");
    }

    private Migrator migrator() {
        return Migrator.builder().jdbcUrl(url).sets(MigrationSets.directory(folder, "app", Dialect.POSTGRESQL))
                .build();
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return Snapshots.rows(connection, sql);
        }
    }

    @Test
    void migrationThatEmptiesTheSearchPathLikePgDumpIsRecordedAndTheNextOneRunsInTheSchema() throws SQLException {
        TestFiles.write(folder, "V1__dump.sql", """
                SELECT pg_catalog.set_config('search_path', '', false);
                CREATE TABLE ${schema}.dumped (id integer);
                """);
        TestFiles.write(folder, "V2__plain.sql", "CREATE TABLE after_dump (id integer);\n");

        MigrateResult result = migrator().migrate();

        assertThat(result.applied()).extracting(ExecutedMigration::script).containsExactly("V1__dump.sql", "V2__plain.sql");
        assertThat(query("SELECT version, success FROM cairn_schema_history ORDER BY installed_rank"))
                .containsExactly("1|t", "2|t");
        assertThat(query("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "'"
                + " ORDER BY table_name")).containsExactly("after_dump", "cairn_schema_history", "dumped");
        assertThat(migrator().info()).extracting(MigrationInfo::state)
                .containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
    }

    @Test
    void searchPathPointingElsewhereDoesNotRedirectTheHistory() throws SQLException {
        String other = PostgresServer.freshSchema("searchpath_other");
        TestFiles.write(folder, "V1__elsewhere.sql", "SET search_path TO " + other + ";\n"
                + "CREATE TABLE moved (id integer);\n");
        TestFiles.write(folder, "V2__here.sql", "CREATE TABLE here (id integer);\n");

        migrator().migrate();

        assertThat(query("SELECT table_schema || '.' || table_name FROM information_schema.tables"
                + " WHERE table_schema IN ('" + schema + "', '" + other + "') ORDER BY 1"))
                .containsExactlyInAnyOrder(other + ".moved", schema + ".cairn_schema_history", schema + ".here");
    }

    @Test
    void failureOfTheHistoryWriteNamesTheMigrationAndHidesNothing() throws SQLException {
        TestFiles.write(folder, "V1__first.sql", "CREATE TABLE first (id integer);\n");
        migrator().migrate();
        TestFiles.write(folder, "V2__drops_history.sql", """
                CREATE TABLE second (id integer);
                DROP TABLE ${schema}.cairn_schema_history;
                """);

        MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                () -> migrator().migrate());

        assertThat(failure).hasMessageContaining("V2__drops_history.sql").hasMessageContaining("module 'app'")
                .hasMessageContaining("version 2").hasMessageContaining("does not exist")
                .hasMessageContaining("rolled back");
        assertThat(failure.getSuppressed()).isEmpty();
        assertThat(failure.rolledBack()).isTrue();
        assertThat(query("SELECT version FROM cairn_schema_history")).containsExactly("1");
        assertThat(query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'second'"))
                .containsExactly("0");
    }
}
