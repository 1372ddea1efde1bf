package dev.cairn.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a store whose schema is up to date reads the history once and takes no migration lock: it opens while
 * another connection holds the lock (SQLite's write lock, as a migrator takes it), where waiting for the lock
 * would end in a lock timeout. A schema that is behind still goes through the engine; opening to validate
 * compares the checksums too.
 */
class SqliteOpenWithoutLockTest {
    @TempDir
    Path folder;

    @Test
    void anUpToDateFileOpensWhileAnotherConnectionHoldsTheMigrationLock() throws Exception {
        Path file = folder.resolve("plan.db");
        try (Cairn cairn = Cairn.open("sqlite:" + file)) {
            cairn.create(NodeDraft.of(Layer.GOAL, "Ship 1.0"));
        }
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = holder.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try (Cairn cairn = Cairn.open("sqlite:" + file + "?busyTimeout=300")) {
                assertThat(cairn.roots()).extracting(node -> node.title()).containsExactly("Ship 1.0");
            }
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void aFileThatIsBehindStillWaitsForTheLockAndMigrates() throws Exception {
        Path file = folder.resolve("plan.db");
        Cairn.open("sqlite:" + file).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM cairn_schema_history WHERE installed_rank = "
                    + "(SELECT max(installed_rank) FROM cairn_schema_history)");
        }
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = holder.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            assertThatThrownBy(() -> Cairn.open("sqlite:" + file + "?busyTimeout=300").close())
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("lock");
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void aChangedChecksumIsRefusedWhenOpeningToValidate() throws Exception {
        Path file = folder.resolve("plan.db");
        Cairn.open("sqlite:" + file).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE cairn_schema_history SET checksum = 'feed' WHERE installed_rank = 1");
        }
        assertThatThrownBy(() -> Cairn.open("sqlite:" + file + "?migrate=validate").close())
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("feed");
    }
}
