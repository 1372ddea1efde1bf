package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.test.logging.CapturedLogs;
import dev.cairn.test.postgres.PostgresServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.event.Level;

/** What the engine logs: a line per migration, as Flyway writes one, and never a password. */
class MigrationLoggingTest {
    private static final String SECRET = "s3cret-Pw";

    @TempDir
    Path temp;

    private static MigrationSet set(Dialect dialect) {
        return MigrationSet.of("app", dialect, List.of(
                SqlMigration.of("1", "create notes", "V1__create_notes.sql", "CREATE TABLE notes (body VARCHAR(100));"),
                SqlMigration.of("2", "add author", "V2__add_author.sql", "ALTER TABLE notes ADD COLUMN author VARCHAR(40);")));
    }

    private String url(Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> "jdbc:sqlite:" + temp.resolve("plan.db");
            case H2 -> "jdbc:h2:mem:logging_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
            case POSTGRESQL -> PostgresServer.jdbcUrl(PostgresServer.freshSchema("logging"));
        };
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void each_migration_applied_is_one_info_line_with_module_version_description_and_time(Dialect dialect) {
        Migrator migrator = Migrator.builder().jdbcUrl(url(dialect)).dialect(dialect).sets(set(dialect)).build();
        CapturedLogs.Capture capture = CapturedLogs.start();

        migrator.migrate();

        List<String> applied = capture.events("dev.cairn.migrations").stream()
                .filter(event -> event.level() == Level.INFO && event.message().startsWith("Applied migration"))
                .map(CapturedLogs.Event::message)
                .toList();
        assertThat(applied).hasSize(2);
        assertThat(applied.get(0)).matches("Applied migration app 1 \\(create notes\\) to jdbc:\\S+.* in \\d+ ms");
        assertThat(applied.get(1)).matches("Applied migration app 2 \\(add author\\) to jdbc:\\S+.* in \\d+ ms");
        assertThat(capture.events("dev.cairn.migrations")).anySatisfy(event ->
                assertThat(event.message()).matches("Migrated jdbc:\\S+.*: 2 migration\\(s\\) applied in \\d+ ms"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void an_up_to_date_database_logs_no_migration_and_an_undo_logs_its_own_line(Dialect dialect) {
        MigrationSet withUndo = MigrationSet.of("app", dialect, List.of(
                SqlMigration.of("1", "create notes", "V1__create_notes.sql", "CREATE TABLE notes (body VARCHAR(100));"),
                SqlMigration.of("2", "add author", "V2__add_author.sql", "ALTER TABLE notes ADD COLUMN author VARCHAR(40);")
                        .withUndo("U2__add_author.sql", "ALTER TABLE notes DROP COLUMN author;")));
        Migrator migrator = Migrator.builder().jdbcUrl(url(dialect)).dialect(dialect).sets(withUndo).build();
        migrator.migrate();

        CapturedLogs.Capture again = CapturedLogs.start();
        migrator.migrate();
        assertThat(again.events("dev.cairn.migrations")).noneSatisfy(event ->
                assertThat(event.level()).isEqualTo(Level.INFO));

        CapturedLogs.Capture undo = CapturedLogs.start();
        migrator.undo(1);
        assertThat(undo.events("dev.cairn.migrations")).singleElement().satisfies(event ->
                assertThat(event.message()).matches("Undid migration app 2 \\(add author\\) on jdbc:\\S+.* in \\d+ ms"));
    }

    @Test
    void a_password_in_the_url_is_in_no_line() throws Exception {
        String url = PostgresServer.jdbcUrl(PostgresServer.freshSchema("logging")) + "&password=" + SECRET;
        CapturedLogs.Capture capture = CapturedLogs.start();
        try (AutoCloseable debug = CapturedLogs.atLevel(Level.DEBUG)) {
            Migrator.builder().jdbcUrl(url).sets(set(Dialect.POSTGRESQL)).build().migrate();
        }

        assertThat(capture.events("dev.cairn")).anySatisfy(event ->
                assertThat(event.message()).startsWith("Applied migration app 1").contains("password=****"));
        assertThat(capture.text("dev.cairn")).doesNotContain(SECRET);
    }

    @Test
    void a_data_source_with_a_password_is_named_without_it() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(PostgresServer.jdbcUrl(PostgresServer.freshSchema("logging")) + "&password=" + SECRET);
        dataSource.setPassword(SECRET);
        CapturedLogs.Capture capture = CapturedLogs.start();
        try (AutoCloseable debug = CapturedLogs.atLevel(Level.DEBUG)) {
            Migrator.builder().dataSource(dataSource).sets(set(Dialect.POSTGRESQL)).build().migrate();
        }

        assertThat(capture.events("dev.cairn")).filteredOn(event -> event.message().startsWith("Applied migration"))
                .hasSize(2);
        assertThat(capture.text("dev.cairn")).doesNotContain(SECRET);
    }

    @Test
    void a_failing_statement_and_a_refused_connection_log_no_password() throws Exception {
        String url = PostgresServer.jdbcUrl(PostgresServer.freshSchema("logging")) + "&password=" + SECRET;
        MigrationSet setsPassword = MigrationSet.of("app", Dialect.POSTGRESQL, List.of(SqlMigration.of("1",
                "role password", "V1__role_password.sql",
                "CREATE TABLE t (id INTEGER);\nALTER ROLE no_such_role_here PASSWORD '" + SECRET + "';")));
        CapturedLogs.Capture capture = CapturedLogs.start();
        try (AutoCloseable debug = CapturedLogs.atLevel(Level.DEBUG)) {
            assertThatThrownBy(() -> Migrator.builder().jdbcUrl(url).sets(setsPassword).build().migrate())
                    .isInstanceOf(MigrationFailedException.class);
            assertThatThrownBy(() -> Migrator.builder().jdbcUrl("jdbc:postgresql://127.0.0.1:1/none?user=app&password="
                    + SECRET + "&connectTimeout=1").sets(set(Dialect.POSTGRESQL)).build().migrate())
                    .isInstanceOf(MigrationDatabaseException.class).hasMessageNotContaining(SECRET);
        }

        assertThat(capture.events("dev.cairn")).anySatisfy(event -> assertThat(event.message())
                .startsWith("Running V1__role_password.sql statement 2").contains("PASSWORD ****"));
        assertThat(capture.text("dev.cairn")).doesNotContain(SECRET);
    }
}
