package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteBackupTest {
    @TempDir
    Path temp;

    private Migrator.Builder builder(Path database, BackupPolicy policy) {
        return Migrator.builder().jdbcUrl("jdbc:sqlite:" + database).backupPolicy(policy)
                .sets(MigrationSets.directory(TestFiles.basicFolder(temp), "app", Dialect.SQLITE));
    }

    @Test
    void emptyFileIsNotBackedUp() {
        MigrateResult result = builder(temp.resolve("plan.db"), BackupPolicy.defaults()).build().migrate();

        assertThat(result.backupPath()).isEmpty();
    }

    @Test
    void nonEmptyFileIsCopiedBesideItBeforePendingMigrationsRun() throws Exception {
        Path database = temp.resolve("plan.db");
        builder(database, BackupPolicy.defaults()).target("app", "1").build().migrate();

        MigrateResult result = builder(database, BackupPolicy.defaults()).build().migrate();

        Path backup = result.backupPath().orElseThrow();
        assertThat(backup.getParent()).isEqualTo(temp);
        assertThat(backup.getFileName().toString()).matches("plan\\.db\\.\\d{8}T\\d{9}Z(-\\d+)?\\.bak");
        assertThat(tables(backup)).contains("items", "cairn_schema_history").doesNotContain("tags");
        assertThat(tables(database)).contains("tags");
    }

    @Test
    void upToDateFileIsNotBackedUp() {
        Path database = temp.resolve("plan.db");
        builder(database, BackupPolicy.defaults()).build().migrate();

        assertThat(builder(database, BackupPolicy.defaults()).build().migrate().backupPath()).isEmpty();
    }

    @Test
    void keepsOnlyTheNewestBackupsInTheConfiguredFolder() throws Exception {
        Path database = temp.resolve("plan.db");
        Path backups = temp.resolve("backups");
        BackupPolicy policy = BackupPolicy.inFolder(backups, 2);
        builder(database, policy).target("app", "1").build().migrate();
        Path first = builder(database, policy).target("app", "2").build().migrate().backupPath().orElseThrow();
        builder(database, BackupPolicy.off()).build().undo(1);
        Path second = builder(database, policy).build().migrate().backupPath().orElseThrow();
        builder(database, BackupPolicy.off()).build().undo(1);
        Path third = builder(database, policy).build().migrate().backupPath().orElseThrow();

        assertThat(list(backups)).containsExactly(second, third);
        assertThat(first).doesNotExist();
    }

    @Test
    void offPolicyTakesNoBackup() {
        Path database = temp.resolve("plan.db");
        builder(database, BackupPolicy.off()).target("app", "1").build().migrate();

        assertThat(builder(database, BackupPolicy.off()).build().migrate().backupPath()).isEmpty();
    }

    @Test
    void aBackupKilledWhileCopyingLeavesNothingThatCountsAsABackup() throws Exception {
        Path database = temp.resolve("plan.db");
        Path folder = TestFiles.basicFolder(temp);
        builder(database, BackupPolicy.off()).target("app", "1").build().migrate();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            // About 100 MB, so that the copy takes long enough to be caught in the middle.
            statement.execute("CREATE TABLE filler (data BLOB)");
            statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000) "
                    + "INSERT INTO filler SELECT randomblob(4000) FROM n");
        }
        Process child = FolderMigratorMain.start("jdbc:sqlite:" + database, folder, Dialect.SQLITE, true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (backupFiles().isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        child.destroyForcibly();
        child.waitFor();
        assertThat(backupFiles()).as("the copy was caught while it was being written").isNotEmpty();

        for (Path file : backupFiles()) {
            if (file.getFileName().toString().endsWith(".bak")) {
                assertThat(integrity(file)).as(file.toString()).isEqualTo("ok");
            }
        }
        Path backup = builder(database, BackupPolicy.inFolder(temp, 1)).build().migrate().backupPath().orElseThrow();
        assertThat(integrity(backup)).isEqualTo("ok");
        assertThat(backupFiles()).containsExactly(backup);
    }

    private List<Path> backupFiles() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(file -> file.getFileName().toString().startsWith("plan.db.")).sorted().toList();
        }
    }

    private static String integrity(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet pages = statement.executeQuery("PRAGMA page_count")) {
            pages.next();
            if (pages.getLong(1) == 0) {
                return "empty";
            }
            try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                return rows.next() ? rows.getString(1) : "no answer";
            }
        }
    }

    private static List<String> tables(Path database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
