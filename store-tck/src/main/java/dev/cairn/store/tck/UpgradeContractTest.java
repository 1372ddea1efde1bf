package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationState;
import dev.cairn.migrations.Migrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database made by a SQL store's first schema version, holding the whole {@link PlanSample}, keeps all
 * of it when Cairn opens it and migrates it to the latest version. A SQL store module extends this class
 * and hands it the backend's {@link SqlStoreFixture}, which names a fresh, empty database for each test:
 *
 * <pre>{@code
 * class H2UpgradeTest extends UpgradeContractTest {
 *     H2UpgradeTest() { super(H2Fixture.inFiles()); }
 * }
 * }</pre>
 *
 * <p>Backends differ only in what their fixture returns; the test itself is the same on every backend.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class UpgradeContractTest {
    /** The schema version the database is made by before Cairn opens it. */
    protected static final String FIRST_VERSION = "1";
    /** The fixture's name of the test's database. */
    protected static final String DATABASE = "plan";

    /** The backend's databases. */
    protected final SqlStoreFixture fixture;

    /**
     * A suite on the databases {@code fixture} names, a new one for each test.
     *
     * @param fixture the backend's databases, and how to reach them with SQL
     */
    protected UpgradeContractTest(SqlStoreFixture fixture) {
        this.fixture = Objects.requireNonNull(fixture, "fixture");
    }

    /**
     * Cairn's URL of the test's database, empty when the test starts and the same on every call.
     *
     * @return Cairn's URL of the test's database
     */
    protected final String cairnUrl() {
        return fixture.storeUrl(DATABASE);
    }

    /**
     * The store's migration set, whose first version makes the old database.
     *
     * @return the migration set
     */
    protected final MigrationSet migrationSet() {
        return fixture.migrationSet();
    }

    private String booleanText(boolean value) {
        return fixture.booleanText(value);
    }

    /**
     * {@link #cairnUrl()} with migrations switched off, so that Cairn opens the old schema as it is.
     *
     * @return the URL with {@code migrate=off}
     */
    protected String cairnUrlWithoutMigration() {
        String url = cairnUrl();
        return url + (url.contains("?") ? "&" : "?") + "migrate=off";
    }

    /** A migrator of the test's database with the store's migration set and no target, as the fixture makes it. */
    private Migrator.Builder migrator() {
        return fixture.migrator(DATABASE);
    }

    /** A JDBC connection to the test's database, with whatever settings the store's own connections use. */
    private Connection connect() throws SQLException {
        return fixture.connect(DATABASE);
    }

    private void assertRefusedAsDuplicate(SQLException refusal) {
        fixture.assertRefusedAsDuplicate(refusal);
    }

    @AfterEach
    void deleteDatabase() {
        fixture.close();
    }

    @Test
    void aDatabaseAtTheFirstVersionKeepsItsWholePlanWhenOpenedAndMigratedToTheLatest() throws SQLException {
        migrateToTheFirstVersion();
        assertThat(applied()).containsExactly(FIRST_VERSION);
        assertThat(pending()).isNotEmpty();

        TestClock clock = new TestClock(PlanSample.START);
        PlanSample.Snapshot before = fillWithoutMigrating(clock);
        before.assertCoversTheModel();

        PlanSample.Snapshot after;
        try (Cairn cairn = Cairn.open(PlanSample.config(cairnUrl(), clock))) {
            after = PlanSample.Snapshot.of(cairn);
        }

        assertThat(applied()).containsExactlyElementsOf(localVersions()).contains("2");
        assertThat(pending()).isEmpty();
        after.assertKeepsEverythingOf(before);
        assertTheCommandRunTablesWork();
    }

    /** Makes the empty database with the migration set's first version only. */
    protected final void migrateToTheFirstVersion() {
        migrator().target(migrationSet().module(), FIRST_VERSION).build().migrate();
    }

    /**
     * Writes the {@link PlanSample} with migrations off and returns what the database then holds.
     *
     * @param clock the plan's clock
     * @return what the database holds after
     */
    protected final PlanSample.Snapshot fillWithoutMigrating(TestClock clock) {
        try (Cairn cairn = Cairn.open(PlanSample.config(cairnUrlWithoutMigration(), clock))) {
            PlanSample.fill(cairn, clock);
            return PlanSample.Snapshot.of(cairn);
        }
    }

    /**
     * The versions of the store's module that {@code migrator} finds applied.
     *
     * @param migrator a migrator of the test's database
     * @return the applied versions, in order
     */
    protected final List<String> applied(Migrator.Builder migrator) {
        return versions(migrator, MigrationState.APPLIED);
    }

    /**
     * Every row's first column, as text.
     *
     * @param connection a connection to the database
     * @param sql a query
     * @return the first column of each row
     * @throws SQLException when the query fails
     */
    protected static List<String> rows(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        }
    }

    /** A run with a present and a missing artifact, and a lease that a second runner cannot take. */
    private void assertTheCommandRunTablesWork() throws SQLException {
        try (Connection connection = connect()) {
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
                        .satisfies(refusal -> assertRefusedAsDuplicate((SQLException) refusal));
            }

            assertThat(rows(connection, "SELECT run_number || ' ' || exit_code || ' ' || timed_out || ' ' || log_path "
                    + "FROM cairn_command_runs"))
                    .containsExactly("1 0 " + booleanText(false) + " results/CMD-FIXTURES/1.log");
            assertThat(rows(connection, "SELECT path || ' ' || present || ' ' || coalesce(CAST(size_bytes AS VARCHAR), "
                    + "'-') FROM cairn_run_artifacts ORDER BY path"))
                    .containsExactly("results/import.log " + booleanText(true) + " 4096",
                            "results/report.json " + booleanText(false) + " -");
            assertThat(rows(connection, "SELECT holder FROM cairn_command_leases")).containsExactly("runner-a");
        }
    }

    private List<String> applied() {
        return applied(migrator());
    }

    private List<String> pending() {
        return versions(migrator(), MigrationState.PENDING);
    }

    private List<String> versions(Migrator.Builder migrator, MigrationState state) {
        String module = migrationSet().module();
        return migrator.build().info().stream()
                .filter(info -> info.module().equals(module))
                .filter(info -> info.state() == state)
                .map(MigrationInfo::version).map(Object::toString).toList();
    }

    private List<String> localVersions() {
        return migrationSet().migrations().stream().map(migration -> migration.version().toString()).toList();
    }
}
