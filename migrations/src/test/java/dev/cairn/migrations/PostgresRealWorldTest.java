package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.migrations.internal.StatementSplitter;
import dev.cairn.test.postgres.PostgresServer;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real-world PostgreSQL migrations, applied, exercised, undone and applied again. */
class PostgresRealWorldTest {
    private String url;

    @BeforeEach
    void freshSchema() {
        url = PostgresServer.jdbcUrl(PostgresServer.freshSchema("realworld"));
    }

    private MigrationSet set() {
        return MigrationSets.classpath(getClass().getClassLoader(), "db/postgres-realworld", "tracker",
                Dialect.POSTGRESQL);
    }

    private Migrator migrator() {
        return Migrator.builder().jdbcUrl(url).sets(set()).build();
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return Snapshots.rows(connection, sql);
        }
    }

    @Test
    void theSetHoldsAtLeastFiftyStatements() {
        int statements = set().migrations().stream()
                .mapToInt(migration -> StatementSplitter.forDialect(Dialect.POSTGRESQL)
                        .split(((SqlMigration) migration).sql()).size())
                .sum();

        assertThat(statements).isGreaterThanOrEqualTo(50);
    }

    @Test
    void appliesEveryMigrationAndTheSchemaWorks() throws SQLException {
        MigrateResult result = migrator().migrate();

        assertThat(result.applied()).hasSize(10);
        assertThat(query("SELECT open_task_count(id) FROM projects WHERE name = 'Cairn'")).containsExactly("1");
        assertThat(query("SELECT count(*) FROM audit_log WHERE operation = 'I'")).containsExactly("2");
        assertThat(query("SELECT search IS NOT NULL FROM tasks WHERE title = 'Write the parser'")).containsExactly("t");
        assertThat(query("SELECT value FROM settings_kv ORDER BY key"))
                .containsExactly("line1\nline2; 'q'", "Hello; it's \"quoted\"");
        assertThat(query("SELECT quote_note('x')")).containsExactly("note: x;");
        assertThat(query("SELECT indexdef FROM pg_indexes WHERE indexname = 'tasks_open_idx'"
                + " AND schemaname = current_schema()")).singleElement().asString()
                .contains("WHERE ((deleted_at IS NULL)");
        assertThat(query("SELECT unnest(enum_range(NULL::priority))::text"))
                .containsExactly("low", "medium", "high", "urgent");
    }

    @Test
    void undoRemovesEveryObjectAndMigrateAppliesAgain() throws SQLException {
        migrator().migrate();

        UndoResult undone = migrator().undoTo("tracker", "0");

        assertThat(undone.undone()).hasSize(10);
        assertThat(query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"))
                .containsExactly("cairn_schema_history");
        assertThat(query("SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd', 'c') AND t.typrelid = 0"
                + " OR (n.nspname = current_schema() AND t.typtype = 'c' AND t.typname = 'money_amount')"))
                .containsExactly("0");
        assertThat(query("SELECT count(*) FROM information_schema.routines"
                + " WHERE routine_schema = current_schema()")).containsExactly("0");
        assertThat(migrator().migrate().applied()).hasSize(10);
    }

    @Test
    void dryRunPrintsDollarQuotedBodiesWhole() {
        StringWriter out = new StringWriter();

        migrator().dryRun(out);

        assertThat(out.toString()).contains("$audit$;\n").contains("outside a transaction")
                .contains("CREATE TYPE realworld_");
    }
}
