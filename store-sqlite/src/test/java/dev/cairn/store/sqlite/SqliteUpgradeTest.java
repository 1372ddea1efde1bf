package dev.cairn.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Cairn;
import dev.cairn.migrations.Migrator;
import dev.cairn.store.tck.PlanSample;
import dev.cairn.store.tck.TestClock;
import dev.cairn.store.tck.UpgradeContractTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A SQLite file made by the first schema version, holding a plan, keeps all of it when migrated to the latest. */
class SqliteUpgradeTest extends UpgradeContractTest {
    SqliteUpgradeTest() {
        super(SqliteFixture.inFiles());
    }

    @Test
    void migratingAFilledFileFirstBacksItUpAsItWasAtTheFirstVersion() throws Exception {
        migrateToTheFirstVersion();
        TestClock clock = new TestClock(PlanSample.START);
        PlanSample.Snapshot before = fillWithoutMigrating(clock);
        assertThat(backups()).isEmpty();

        Cairn.open(PlanSample.config(cairnUrl(), clock)).close();

        List<Path> backups = backups();
        assertThat(backups).hasSize(1);
        Path backup = backups.get(0);
        assertThat(applied(Migrator.builder().jdbcUrl(jdbcUrl(backup)).sets(migrationSet())))
                .containsExactly(FIRST_VERSION);
        assertThat(tables(backup)).doesNotContain("cairn_command_runs");
        try (Cairn cairn = Cairn.open(PlanSample.config("sqlite:" + backup + "?migrate=off", clock))) {
            PlanSample.Snapshot.of(cairn).assertKeepsEverythingOf(before);
        }
    }

    private Path file() {
        return ((SqliteFixture) fixture).file(DATABASE);
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

    private static List<String> tables(Path file) throws SQLException {
        try (Connection connection = connect(file)) {
            return rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        }
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> files = Files.list(file().getParent())) {
            return files.filter(path -> path.getFileName().toString().matches("plan\\.db\\..+\\.bak")).toList();
        }
    }
}
