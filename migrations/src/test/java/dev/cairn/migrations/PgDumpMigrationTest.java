package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.test.postgres.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dumps made by a real {@code pg_dump} 15 (plain format with COPY, and {@code --inserts}) of the schema that
 * {@code db/pg-dump/schema.sql} creates, applied as {@code V1__baseline.sql}: the same catalog and the same rows.
 */
class PgDumpMigrationTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path temp;

    private static String resource(String name) {
        try (InputStream input = PgDumpMigrationTest.class.getClassLoader()
                .getResourceAsStream("db/pg-dump/" + name)) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** A new, empty database on the test server, as the dumps name their schema. */
    private static String freshDatabase() {
        String name = "pgdump_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        PostgresServer.execute("CREATE DATABASE " + name);
        return PostgresServer.jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    private MigrateResult applyAsBaseline(String url, String dump) {
        Path folder = temp.resolve("db" + DATABASES.incrementAndGet());
        TestFiles.write(folder, "V1__baseline.sql", dump);
        return Migrator.builder().jdbcUrl(url).sets(MigrationSets.directory(folder, "app", Dialect.POSTGRESQL))
                .build().migrate();
    }

    private static List<String> catalog(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            List<String> lines = new ArrayList<>();
            for (String query : List.of(
                    "SELECT 'column', table_name, column_name, ordinal_position, data_type, udt_name, is_nullable,"
                            + " column_default FROM information_schema.columns WHERE table_schema = 'shop'"
                            + " ORDER BY table_name, ordinal_position",
                    "SELECT 'constraint', c.conname, c.contype, pg_get_constraintdef(c.oid) FROM pg_constraint c"
                            + " JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'shop' ORDER BY 2",
                    "SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'shop' ORDER BY 2",
                    "SELECT 'function', p.proname, pg_get_functiondef(p.oid) FROM pg_proc p"
                            + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'shop' ORDER BY 2",
                    "SELECT 'trigger', t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c"
                            + " ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " WHERE n.nspname = 'shop' AND NOT t.tgisinternal ORDER BY 2",
                    "SELECT 'view', viewname, definition FROM pg_views WHERE schemaname = 'shop' ORDER BY 2",
                    "SELECT 'matview', matviewname, definition, ispopulated FROM pg_matviews"
                            + " WHERE schemaname = 'shop' ORDER BY 2",
                    "SELECT 'type', t.typname, t.typtype, format_type(t.typbasetype, t.typtypmod),"
                            + " (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e"
                            + " WHERE e.enumtypid = t.oid) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                            + " WHERE n.nspname = 'shop' AND t.typtype IN ('e', 'd') ORDER BY 2",
                    "SELECT 'sequence', sequencename, start_value, increment_by, last_value FROM pg_sequences"
                            + " WHERE schemaname = 'shop' ORDER BY 2",
                    "SELECT 'relation', c.relname, c.relkind FROM pg_class c JOIN pg_namespace n"
                            + " ON n.oid = c.relnamespace WHERE n.nspname = 'shop' ORDER BY 2",
                    "SELECT 'customer', id, email, name, note, created_at FROM shop.customer ORDER BY id",
                    "SELECT 'orders', id, customer_id, status, total, invoice, updated_at FROM shop.orders ORDER BY id",
                    "SELECT 'revenue', customer_id, total FROM shop.revenue ORDER BY customer_id",
                    "SELECT 'label', shop.order_label(o) FROM shop.orders o ORDER BY id")) {
                lines.addAll(Snapshots.rows(connection, query));
            }
            return lines;
        }
    }

    private static String scriptDatabase() throws SQLException {
        String url = freshDatabase();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(resource("schema.sql"));
        }
        return url;
    }

    @Test
    void plainDumpWithCopyBlocksGivesTheCatalogAndRowsOfTheScript() throws SQLException {
        String expected = scriptDatabase();
        String url = freshDatabase();

        MigrateResult result = applyAsBaseline(url, resource("dump-copy.sql"));

        List<String> catalog = catalog(url);
        assertThat(catalog).isEqualTo(catalog(expected));
        assertThat(catalog).contains("customer|1|ana@example.org|Ana|tab\there, newline\nthere, backslash \\ and \\."
                + " alone|2026-01-02 03:04:05+00", "customer|3|mei@example.org|王美 🌸|null|2026-01-02 03:04:05+00",
                "customer|5|dot@example.org|Dot|\\.\n\\.|2026-01-02 03:04:05+00");
        assertThat(result.applied()).singleElement().satisfies(applied -> assertThat(applied.notes())
                .anyMatch(note -> note.contains("\\restrict") && note.contains("line 5"))
                .anyMatch(note -> note.contains("\\unrestrict")));
    }

    @Test
    void dumpWithInsertsGivesTheCatalogAndRowsOfTheScript() throws SQLException {
        String expected = scriptDatabase();
        String url = freshDatabase();

        MigrateResult result = applyAsBaseline(url, resource("dump-inserts.sql"));

        assertThat(catalog(url)).isEqualTo(catalog(expected)).anyMatch(line -> line.contains("Jörg Groß|line\r\nwith CR"));
        assertThat(result.applied().get(0).notes()).hasSize(2);
    }

    @Test
    void copyRunsInTheMigrationsTransactionSoABadDataLineRollsEverythingBack() throws SQLException {
        String url = freshDatabase();
        String dump = "CREATE TABLE numbers (n integer, label text);\n"
                + "COPY numbers (n, label) FROM stdin;\n1\tone\nnot a number\ttwo\n\\.\n";

        MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                () -> applyAsBaseline(url, dump));

        assertThat(failure).hasMessageContaining("statement 2").hasMessageContaining("COPY numbers")
                .hasMessageContaining("not a number");
        assertThat(failure.rolledBack()).isTrue();
        try (Connection connection = DriverManager.getConnection(url)) {
            assertThat(Snapshots.rows(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'numbers'"))
                    .containsExactly("0");
        }
    }

    @Test
    void anyOtherPsqlMetaCommandIsAnErrorNamingIt() {
        String url = freshDatabase();

        MigrationConfigurationException failure = catchThrowableOfType(MigrationConfigurationException.class,
                () -> applyAsBaseline(url, "CREATE TABLE t (id integer);\n\\connect other\nCREATE TABLE u (id int);\n"));

        assertThat(failure).hasMessageContaining("\\connect").hasMessageContaining("line 2")
                .hasMessageContaining("V1__baseline.sql");
    }

    @Test
    void dryRunPrintsCopyDataAndItsEndLineAndNotesTheSkippedMetaCommands() {
        String url = freshDatabase();
        Path folder = temp.resolve("dry");
        TestFiles.write(folder, "V1__baseline.sql", resource("dump-copy.sql"));
        StringWriter out = new StringWriter();

        Migrator.builder().jdbcUrl(url).sets(MigrationSets.directory(folder, "app", Dialect.POSTGRESQL)).build()
                .dryRun(out);

        assertThat(out.toString()).contains("COPY shop.orders (id, customer_id, status, total, invoice, updated_at)"
                + " FROM stdin;\n1\t1\tpaid\t10.50\t1000\t\\N\n").contains("\n\\.\n")
                .contains("-- Skipped the psql meta-command \\restrict");
    }
}
