package dev.cairn.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.MigrationState;
import dev.cairn.migrations.Migrator;
import dev.cairn.store.tck.PlanSample;
import dev.cairn.store.tck.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SQLite file made by the first schema version, holding a plan, keeps all of it when migrated to the latest. */
class SqliteUpgradeTest {
    private static final String FIRST_VERSION = "1";

    @TempDir
    Path folder;

    @Test
    void aFileAtTheFirstVersionKeepsItsWholePlanWhenOpenedAndMigratedToTheLatest() throws Exception {
        Path file = folder.resolve("plan.db");
        Migrator.builder().jdbcUrl(jdbcUrl(file)).sets(new SqliteMigrationSet())
                .target(SqliteMigrationSet.MODULE, FIRST_VERSION).build().migrate();
        assertThat(applied(file)).containsExactly(FIRST_VERSION);
        assertThat(pending(file)).isNotEmpty();

        TestClock clock = new TestClock(PlanSample.START);
        PlanSample.Snapshot before;
        try (Cairn cairn = Cairn.open(PlanSample.config("sqlite:" + file + "?migrate=off", clock))) {
            PlanSample.fill(cairn, clock);
            before = PlanSample.Snapshot.of(cairn);
        }
        before.assertCoversTheModel();

        PlanSample.Snapshot after;
        try (Cairn cairn = Cairn.open(PlanSample.config("sqlite:" + file, clock))) {
            after = PlanSample.Snapshot.of(cairn);
        }

        assertThat(applied(file)).containsExactlyElementsOf(localVersions()).contains("2");
        assertThat(pending(file)).isEmpty();
        after.assertKeepsEverythingOf(before);
        assertTheCommandRunTablesWork(file);
    }

    @Test
    void migratingAFilledFileFirstBacksItUpAsItWasAtTheFirstVersion() throws Exception {
        Path file = folder.resolve("plan.db");
        Migrator.builder().jdbcUrl(jdbcUrl(file)).sets(new SqliteMigrationSet())
                .target(SqliteMigrationSet.MODULE, FIRST_VERSION).build().migrate();
        TestClock clock = new TestClock(PlanSample.START);
        PlanSample.Snapshot before;
        try (Cairn cairn = Cairn.open(PlanSample.config("sqlite:" + file + "?migrate=off", clock))) {
            PlanSample.fill(cairn, clock);
            before = PlanSample.Snapshot.of(cairn);
        }
        assertThat(backups()).isEmpty();

        Cairn.open(PlanSample.config("sqlite:" + file, clock)).close();

        List<Path> backups = backups();
        assertThat(backups).hasSize(1);
        Path backup = backups.get(0);
        assertThat(applied(backup)).containsExactly(FIRST_VERSION);
        assertThat(tables(backup)).doesNotContain("cairn_command_runs");
        try (Cairn cairn = Cairn.open(PlanSample.config("sqlite:" + backup + "?migrate=off", clock))) {
            PlanSample.Snapshot.of(cairn).assertKeepsEverythingOf(before);
        }
    }

    /** A run with a present and a missing artifact, and a lease that a second runner cannot take. */
    private static void assertTheCommandRunTablesWork(Path file) throws SQLException {
        try (Connection connection = connect(file)) {
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
                artifact.setNull(4, Types.INTEGER);
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
                        .hasMessageContaining("cairn_command_leases");
            }

            assertThat(rows(connection, "SELECT run_number || ' ' || exit_code || ' ' || timed_out || ' ' || log_path "
                    + "FROM cairn_command_runs")).containsExactly("1 0 0 results/CMD-FIXTURES/1.log");
            assertThat(rows(connection, "SELECT path || ' ' || present || ' ' || coalesce(size_bytes, '-') "
                    + "FROM cairn_run_artifacts ORDER BY path"))
                    .containsExactly("results/import.log 1 4096", "results/report.json 0 -");
            assertThat(rows(connection, "SELECT holder FROM cairn_command_leases")).containsExactly("runner-a");
        }
    }

    private static String jdbcUrl(Path file) {
        return "jdbc:sqlite:" + file;
    }

    private static Connection connect(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl(file));
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
        }
        return connection;
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

    private static List<String> tables(Path file) throws SQLException {
        try (Connection connection = connect(file)) {
            return rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        }
    }

    private static List<String> applied(Path file) {
        return info(file, MigrationState.APPLIED);
    }

    private static List<String> pending(Path file) {
        return info(file, MigrationState.PENDING);
    }

    private static List<String> info(Path file, MigrationState state) {
        return Migrator.builder().jdbcUrl(jdbcUrl(file)).sets(new SqliteMigrationSet()).build().info().stream()
                .filter(info -> info.module().equals(SqliteMigrationSet.MODULE))
                .filter(info -> info.state() == state)
                .map(MigrationInfo::version).map(Object::toString).toList();
    }

    private static List<String> localVersions() {
        return new SqliteMigrationSet().migrations().stream().map(migration -> migration.version().toString())
                .toList();
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(path -> path.getFileName().toString().matches("plan\\.db\\..+\\.bak")).toList();
        }
    }
}
