package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.DeleteMode;
import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodePatch;
import dev.cairn.core.Status;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tables of schema version 2 that record command runs and leases, as a SQL store leaves them: the
 * store's changes to a Command keep its rows, its deletion takes them along, and rows that cannot be true
 * are refused by the schema. A SQL store module extends this class and hands it the backend's
 * {@link SqlStoreFixture}, which names a fresh, empty database for each test:
 *
 * <pre>{@code
 * class H2CommandRunTablesTest extends CommandRunTablesContractTest {
 *     H2CommandRunTablesTest() { super(H2Fixture.inFiles()); }
 * }
 * }</pre>
 *
 * <p>The SQL is written once for every backend: booleans as {@code TRUE} and {@code FALSE}, which SQLite
 * reads as 1 and 0.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class CommandRunTablesContractTest {
    /** The fixture's name of the test's database. */
    private static final String DATABASE = "plan";

    /** The backend's databases. */
    protected final SqlStoreFixture fixture;

    /**
     * A suite on the databases {@code fixture} names, a new one for each test.
     *
     * @param fixture the backend's databases, and how to reach them with SQL
     */
    protected CommandRunTablesContractTest(SqlStoreFixture fixture) {
        this.fixture = Objects.requireNonNull(fixture, "fixture");
    }

    /** Cairn's URL of the test's database, empty when the test starts and the same on every call. */
    private String cairnUrl() {
        return fixture.storeUrl(DATABASE);
    }

    /** A JDBC connection to the test's database, for the rows the store does not write yet. */
    private Connection connect() throws SQLException {
        return fixture.connect(DATABASE);
    }

    private void assertRefusedByAConstraint(SQLException refusal) {
        fixture.assertRefusedByAConstraint(refusal);
    }

    @BeforeEach
    void createACommand() throws SQLException {
        try (Cairn cairn = Cairn.open(cairnUrl())) {
            cairn.create(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "Fixtures import").id("AC-1"));
            cairn.create(NodeDraft.of(Layer.COMMAND, "Import").id("CMD-1").parents("AC-1")
                    .command(CommandSpec.of("AC-1", "cairn import fixtures/")));
        }
        execute("INSERT INTO cairn_command_runs (node_id, run_number, started_at, ended_at, exit_code, timed_out) "
                + "VALUES ('CMD-1', 1, 1000, 2000, 0, FALSE)");
        execute("INSERT INTO cairn_run_artifacts (node_id, run_number, path, present, size_bytes, sha256) "
                + "VALUES ('CMD-1', 1, 'out.txt', TRUE, 3, '" + "0f".repeat(32) + "')");
        execute("INSERT INTO cairn_command_leases (node_id, holder, acquired_at, expires_at) "
                + "VALUES ('CMD-1', 'runner-a', 1000, 61000)");
    }

    @AfterEach
    void deleteDatabase() {
        fixture.close();
    }

    @Test
    void aCommandKeepsItsRunsAndLeaseWhenItsStatusAndSpecChange() throws SQLException {
        try (Cairn cairn = Cairn.open(cairnUrl())) {
            cairn.setStatus("CMD-1", Status.IN_PROGRESS);
            cairn.update("CMD-1", NodePatch.create().command(CommandSpec.of("AC-1", "cairn import --strict fixtures/")));
        }

        assertThat(counts()).isEqualTo("1 1 1");
    }

    @Test
    void deletingACommandDeletesItsRunsArtifactsAndLeaseButNotItsEvents() throws SQLException {
        try (Cairn cairn = Cairn.open(cairnUrl())) {
            cairn.delete("CMD-1", DeleteMode.REFUSE);

            assertThat(cairn.history("CMD-1")).extracting(Event::type).endsWith(EventType.DELETED);
        }

        assertThat(counts()).isEqualTo("0 0 0");
    }

    @Test
    void anExpiredLeaseIsTakenOverByOneRunnerOnly() throws SQLException {
        String takeOver = "UPDATE cairn_command_leases SET holder = '%s', acquired_at = 70000, expires_at = 130000 "
                + "WHERE node_id = 'CMD-1' AND expires_at <= 70000";

        assertThat(update(takeOver.formatted("runner-b"))).isEqualTo(1);
        assertThat(update(takeOver.formatted("runner-c"))).isZero();
        assertThat(query("SELECT holder FROM cairn_command_leases")).isEqualTo("runner-b");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO cairn_command_leases (node_id, holder, acquired_at, expires_at) VALUES ('CMD-1', 'runner-b', 1, 2)",
        "INSERT INTO cairn_command_leases (node_id, holder, acquired_at, expires_at) VALUES ('AC-9', 'runner-b', 1, 2)",
        "INSERT INTO cairn_command_runs (node_id, run_number, started_at) VALUES ('CMD-1', 1, 3000)",
        "INSERT INTO cairn_command_runs (node_id, run_number, started_at) VALUES ('CMD-1', 0, 3000)",
        "INSERT INTO cairn_command_runs (node_id, run_number, started_at) VALUES ('CMD-9', 1, 3000)",
        "INSERT INTO cairn_command_runs (node_id, run_number, started_at, exit_code) VALUES ('CMD-1', 2, 3000, 0)",
        "INSERT INTO cairn_command_runs (node_id, run_number, started_at, ended_at) VALUES ('CMD-1', 2, 3000, 2999)",
        "INSERT INTO cairn_run_artifacts (node_id, run_number, path, present) VALUES ('CMD-1', 9, 'b.txt', FALSE)",
        "INSERT INTO cairn_run_artifacts (node_id, run_number, path, present, size_bytes, sha256) "
                + "VALUES ('CMD-1', 1, 'b.txt', TRUE, -1, '0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f')",
        "INSERT INTO cairn_run_artifacts (node_id, run_number, path, present, size_bytes, sha256) "
                + "VALUES ('CMD-1', 1, 'b.txt', TRUE, 3, '0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F')",
        "INSERT INTO cairn_run_artifacts (node_id, run_number, path, present, size_bytes, sha256) "
                + "VALUES ('CMD-1', 1, 'b.txt', TRUE, 3, '0f0f')",
        "INSERT INTO cairn_run_artifacts (node_id, run_number, path, present, size_bytes) "
                + "VALUES ('CMD-1', 1, 'b.txt', FALSE, 3)"
    })
    void rowsThatCannotBeTrueAreRefused(String insert) {
        assertThatThrownBy(() -> execute(insert)).isInstanceOf(SQLException.class)
                .satisfies(refusal -> assertRefusedByAConstraint((SQLException) refusal));
    }

    private String counts() throws SQLException {
        return query("SELECT (SELECT count(*) FROM cairn_command_runs) || ' ' || (SELECT count(*) FROM "
                + "cairn_run_artifacts) || ' ' || (SELECT count(*) FROM cairn_command_leases)");
    }

    private void execute(String sql) throws SQLException {
        update(sql);
    }

    private int update(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }
}
