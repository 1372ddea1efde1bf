package dev.cairn.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.MigrationState;
import dev.cairn.migrations.Migrator;
import dev.cairn.store.tck.PlanSample;
import dev.cairn.store.tck.TestClock;
import dev.cairn.test.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A PostgreSQL schema made by the first schema version, holding a plan, keeps all of it when migrated to the latest. */
class PostgresUpgradeTest {
    private static final String FIRST_VERSION = "1";

    @Test
    void aSchemaAtTheFirstVersionKeepsItsWholePlanWhenOpenedAndMigratedToTheLatest() throws SQLException {
        String database = PostgresServer.freshSchema("upgrade");
        Migrator.builder().jdbcUrl(jdbcUrl(database)).schema(database).sets(new PostgresMigrationSet())
                .target(PostgresMigrationSet.MODULE, FIRST_VERSION).build().migrate();
        assertThat(applied(database)).containsExactly(FIRST_VERSION);
        assertThat(pending(database)).isNotEmpty();

        TestClock clock = new TestClock(PlanSample.START);
        PlanSample.Snapshot before;
        try (Cairn cairn = Cairn.open(PlanSample.config(PostgresServer.cairnUrl(database) + "&migrate=off", clock))) {
            PlanSample.fill(cairn, clock);
            before = PlanSample.Snapshot.of(cairn);
        }
        before.assertCoversTheModel();

        PlanSample.Snapshot after;
        try (Cairn cairn = Cairn.open(PlanSample.config(PostgresServer.cairnUrl(database), clock))) {
            after = PlanSample.Snapshot.of(cairn);
        }

        assertThat(applied(database)).containsExactlyElementsOf(localVersions()).contains("2");
        assertThat(pending(database)).isEmpty();
        after.assertKeepsEverythingOf(before);
        assertTheCommandRunTablesWork(database);
    }

    /** A run with a present and a missing artifact, and a lease that a second runner cannot take. */
    private static void assertTheCommandRunTablesWork(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database))) {
            try (PreparedStatement run = connection.prepareStatement("INSERT INTO cairn_command_runs (node_id, "
                    + "run_number, started_at, ended_at, exit_code, timed_out, output_tail, log_path, actor) "
                    + "VALUES (?, 1, 1000, 2500, 0, ?, 'imported 71 files', 'results/CMD-FIXTURES/1.log', 'ana')")) {
                run.setString(1, PlanSample.COMMAND_ID);
                run.setBoolean(2, false);
                run.executeUpdate();
            }
            try (PreparedStatement artifact = connection.prepareStatement(
                    "INSERT INTO cairn_run_artifacts (node_id, run_number, path, present, size_bytes, sha256) "
                            + "VALUES (?, 1, ?, ?, ?, ?)")) {
                artifact.setString(1, PlanSample.COMMAND_ID);
                artifact.setString(2, "results/import.log");
                artifact.setBoolean(3, true);
                artifact.setLong(4, 4096);
                artifact.setString(5, "ab".repeat(32));
                artifact.executeUpdate();
                artifact.setString(2, "results/report.json");
                artifact.setBoolean(3, false);
                artifact.setNull(4, Types.BIGINT);
                artifact.setNull(5, Types.VARCHAR);
                artifact.executeUpdate();
            }
            String lease = "INSERT INTO cairn_command_leases (node_id, holder, acquired_at, expires_at) "
                    + "VALUES ('" + PlanSample.COMMAND_ID + "', ?, 1000, 61000)";
            try (PreparedStatement first = connection.prepareStatement(lease)) {
                first.setString(1, "runner-a");
                first.executeUpdate();
            }
            try (PreparedStatement second = connection.prepareStatement(lease)) {
                second.setString(1, "runner-b");
                assertThatThrownBy(second::executeUpdate).isInstanceOf(SQLException.class)
                        .satisfies(failure -> assertThat(((SQLException) failure).getSQLState()).startsWith("23"));
            }

            assertThat(rows(connection, "SELECT run_number || ' ' || exit_code || ' ' || timed_out || ' ' || log_path "
                    + "FROM cairn_command_runs")).containsExactly("1 0 false results/CMD-FIXTURES/1.log");
            assertThat(rows(connection, "SELECT path || ' ' || present || ' ' || coalesce(CAST(size_bytes AS VARCHAR), "
                    + "'-') FROM cairn_run_artifacts ORDER BY path"))
                    .containsExactly("results/import.log true 4096", "results/report.json false -");
            assertThat(rows(connection, "SELECT holder FROM cairn_command_leases")).containsExactly("runner-a");
        }
    }

    private static String jdbcUrl(String schema) {
        return PostgresServer.jdbcUrl(schema);
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        }
    }

    private static List<String> applied(String database) {
        return info(database, MigrationState.APPLIED);
    }

    private static List<String> pending(String database) {
        return info(database, MigrationState.PENDING);
    }

    private static List<String> info(String database, MigrationState state) {
        return Migrator.builder().jdbcUrl(jdbcUrl(database)).schema(database).sets(new PostgresMigrationSet()).build().info().stream()
                .filter(info -> info.module().equals(PostgresMigrationSet.MODULE))
                .filter(info -> info.state() == state)
                .map(MigrationInfo::version).map(Object::toString).toList();
    }

    private static List<String> localVersions() {
        return new PostgresMigrationSet().migrations().stream().map(migration -> migration.version().toString()).toList();
    }
}
