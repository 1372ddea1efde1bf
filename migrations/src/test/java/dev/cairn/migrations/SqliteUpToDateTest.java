package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link Migrator#upToDate()} and {@link Migrator#versionsUpToDate()} answer, on real SQLite files. */
class SqliteUpToDateTest {
    @TempDir
    Path temp;

    private Path folder;
    private String url;

    @BeforeEach
    void files() {
        folder = TestFiles.basicFolder(temp);
        url = "jdbc:sqlite:" + temp.resolve("test.db");
    }

    private Migrator migrator() {
        return Migrator.builder().jdbcUrl(url).sets(MigrationSets.directory(folder, "app", Dialect.SQLITE))
                .backupPolicy(BackupPolicy.off()).build();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void anEmptyDatabaseIsNotUpToDateAndTheCheckMakesNoHistoryTable() throws SQLException {
        assertThat(migrator().upToDate()).isFalse();
        assertThat(migrator().versionsUpToDate()).isFalse();
        execute("SELECT 1");
        assertThat(migrator().info()).allMatch(info -> info.state() == MigrationState.PENDING);
    }

    @Test
    void aMigratedDatabaseIsUpToDateBothWays() {
        migrator().migrate();
        assertThat(migrator().upToDate()).isTrue();
        assertThat(migrator().versionsUpToDate()).isTrue();
    }

    @Test
    void aNewMigrationMakesItBehindBothWays() {
        migrator().migrate();
        TestFiles.write(folder, "V9__more.sql", "CREATE TABLE more (id INTEGER);\n");
        assertThat(migrator().upToDate()).isFalse();
        assertThat(migrator().versionsUpToDate()).isFalse();
    }

    @Test
    void aChangedChecksumIsSeenOnlyByTheFullCheck() throws SQLException {
        migrator().migrate();
        execute("UPDATE cairn_schema_history SET checksum = 'feed' WHERE installed_rank = 1");
        assertThat(migrator().upToDate()).isFalse();
        assertThat(migrator().versionsUpToDate()).isTrue();
    }

    @Test
    void aFailedRowOrAnUnknownAppliedVersionIsNotUpToDate() throws SQLException {
        migrator().migrate();
        execute("UPDATE cairn_schema_history SET success = 0 WHERE installed_rank = 1");
        assertThat(migrator().versionsUpToDate()).isFalse();
        execute("UPDATE cairn_schema_history SET success = 1, version = '99' WHERE installed_rank = 1");
        assertThat(migrator().versionsUpToDate()).isFalse();
        assertThat(migrator().upToDate()).isFalse();
    }
}
