package dev.cairn.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.StoreException;
import dev.cairn.core.spi.StoreCapability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreProviderTest {
    @TempDir
    Path folder;

    private String url(String file) {
        return "sqlite:" + folder.resolve(file);
    }

    private static String query(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }

    @Test
    void opensByUrlThroughTheServiceLoaderAndKeepsDataAcrossOpens() {
        try (Cairn cairn = Cairn.open(url("plan.db"))) {
            assertThat(cairn.backend()).isEqualTo("sqlite");
            cairn.create(NodeDraft.of(Layer.GOAL, "Ship").id("GOAL-1"));
        }
        try (Cairn cairn = Cairn.open(url("plan.db"))) {
            assertThat(cairn.get("GOAL-1").title()).isEqualTo("Ship");
        }
    }

    @Test
    void inMemoryDatabasesArePrivateToEachOpenAndGoneWhenClosed() {
        try (Cairn first = Cairn.open("sqlite::memory:"); Cairn second = Cairn.open("sqlite::memory:")) {
            first.create(NodeDraft.of(Layer.GOAL, "Ship").id("GOAL-1"));

            assertThat(first.get("GOAL-1").title()).isEqualTo("Ship");
            assertThat(second.findById("GOAL-1")).isEmpty();
            assertThat(first.store().capabilities()).containsExactly(StoreCapability.COMMAND_RUNS);
            assertThat(first.health().schemaVersions()).containsEntry("cairn", "2");
        }
        try (Cairn again = Cairn.open("sqlite::memory:")) {
            assertThat(again.findById("GOAL-1")).isEmpty();
        }
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void opensInWalModeWithForeignKeysOnAndDeclaresPersistentAndMultiProcess() throws SQLException {
        try (var store = new SqliteStoreProvider().open(CairnConfig.of(url("plan.db")))) {
            assertThat(store.capabilities()).containsExactlyInAnyOrder(StoreCapability.PERSISTENT,
                    StoreCapability.MULTI_PROCESS, StoreCapability.COMMAND_RUNS);
        }
        assertThat(query(folder.resolve("plan.db"), "PRAGMA journal_mode")).isEqualTo("wal");
    }

    @Test
    void createsTheParentFoldersOfTheFile() {
        try (Cairn cairn = Cairn.open(url("a/b/plan.db"))) {
            cairn.create(NodeDraft.of(Layer.GOAL, "Ship"));
        }
        assertThat(folder.resolve("a/b/plan.db")).exists();
    }

    @Test
    void migratesANewFileAndRecordsEveryVersionOfModuleCairn() throws SQLException {
        new SqliteStoreProvider().open(CairnConfig.of(url("plan.db"))).close();

        assertThat(query(folder.resolve("plan.db"), "SELECT group_concat(version, ',') FROM (SELECT version FROM "
                + "cairn_schema_history WHERE module = 'cairn' AND success = 1 ORDER BY installed_rank)"))
                .isEqualTo("1,2");
    }

    @Test
    void validateRefusesADatabaseThatIsBehindAndChangesNothing() {
        assertThatThrownBy(() -> Cairn.open(url("plan.db") + "?migrate=validate"))
                .isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("is behind")
                .hasMessageContaining("V1__init.sql")
                .hasMessageContaining("migrate=auto");
    }

    @Test
    void validateOpensADatabaseThatIsUpToDate() {
        Cairn.open(url("plan.db")).close();

        try (Cairn cairn = Cairn.open(CairnConfig.builder(url("plan.db")).property("migrate", "validate").build())) {
            assertThat(cairn.roots()).isEmpty();
        }
    }

    @Test
    void validateRefusesADatabaseWhoseAppliedMigrationWasAltered() throws SQLException {
        Cairn.open(url("plan.db")).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("plan.db"));
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE cairn_schema_history SET checksum = 'altered' WHERE module = 'cairn'");
        }

        assertThatThrownBy(() -> Cairn.open(url("plan.db") + "?migrate=validate"))
                .isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("V1__init.sql")
                .hasMessageContaining("altered");
    }

    @Test
    void offLeavesTheSchemaAlone() throws SQLException {
        try (Cairn cairn = Cairn.open(url("plan.db") + "?migrate=off")) {
            assertThatThrownBy(() -> cairn.create(NodeDraft.of(Layer.GOAL, "Ship")))
                    .isExactlyInstanceOf(StoreException.class)
                    .hasMessageContaining("cairn_nodes");
        }
        assertThat(query(folder.resolve("plan.db"),
                "SELECT count(*) FROM sqlite_master WHERE name LIKE 'cairn%'")).isEqualTo("0");
    }

    @Test
    void anUnknownMigrateModeIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> Cairn.open(url("plan.db") + "?migrate=sometimes"))
                .isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("migrate")
                .hasMessageContaining("sometimes")
                .hasMessageContaining("auto, validate, off");
        assertThat(Files.exists(folder.resolve("plan.db"))).isFalse();
    }

    @Test
    void aUrlWithoutAFileIsRefused() {
        assertThatThrownBy(() -> Cairn.open("sqlite:"))
                .isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("name a file");
    }
}
