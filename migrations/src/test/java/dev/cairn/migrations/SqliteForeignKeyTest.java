package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's foreign keys around migrations: the table rebuild of its manual, and the check after each one. */
class SqliteForeignKeyTest {
    @TempDir
    Path temp;

    private Migrator migrator(String url, Path folder) {
        return Migrator.builder().jdbcUrl(url).sets(MigrationSets.directory(folder, "app", Dialect.SQLITE))
                .backupPolicy(BackupPolicy.off()).build();
    }

    private static List<String> query(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return Snapshots.rows(connection, sql);
        }
    }

    private Path parentAndChild() {
        Path folder = temp.resolve("db");
        TestFiles.write(folder, "V1__parent_child.sql", """
                CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);
                CREATE TABLE child (id INTEGER PRIMARY KEY,
                                    parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE);
                INSERT INTO parent VALUES (1, 'p');
                INSERT INTO child VALUES (10, 1);
                """);
        return folder;
    }

    @Test
    void tableRebuildWithForeignKeysOffKeepsTheChildRowsOnAConnectionWithForeignKeysOn() throws SQLException {
        String url = "jdbc:sqlite:" + temp.resolve("fk.db") + "?foreign_keys=true";
        Path folder = parentAndChild();
        TestFiles.write(folder, "V2__rebuild_parent.sql", """
                PRAGMA foreign_keys = OFF;
                CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');
                INSERT INTO parent_new (id, name) SELECT id, name FROM parent;
                DROP TABLE parent;
                ALTER TABLE parent_new RENAME TO parent;
                PRAGMA foreign_key_check;
                PRAGMA foreign_keys = ON;
                """);

        MigrateResult result = migrator(url, folder).migrate();

        assertThat(result.applied()).extracting(ExecutedMigration::script)
                .containsExactly("V1__parent_child.sql", "V2__rebuild_parent.sql");
        assertThat(query(url, "SELECT id, parent_id FROM child")).containsExactly("10|1");
        assertThat(query(url, "SELECT sql FROM sqlite_master WHERE name = 'parent'")).singleElement().asString()
                .contains("NOT NULL DEFAULT ''");
    }

    @Test
    void foreignKeysAreOnAgainForTheNextMigrationAfterARebuild() throws SQLException {
        String url = "jdbc:sqlite:" + temp.resolve("fk.db") + "?foreign_keys=true";
        Path folder = parentAndChild();
        TestFiles.write(folder, "V2__rebuild_parent.sql", """
                PRAGMA foreign_keys=off;
                CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT);
                INSERT INTO parent_new SELECT * FROM parent;
                DROP TABLE parent;
                ALTER TABLE parent_new RENAME TO parent;
                PRAGMA foreign_keys=on;
                """);
        // Runs with foreign keys on again, so deleting the parent cascades as the schema says.
        TestFiles.write(folder, "V3__delete_parent.sql", "DELETE FROM parent WHERE id = 1;\n");

        migrator(url, folder).migrate();

        assertThat(query(url, "SELECT count(*) FROM child")).containsExactly("0");
    }

    @Test
    void migrationLeavingRowsThatBreakAForeignKeyFailsAndIsRolledBack() throws SQLException {
        String url = "jdbc:sqlite:" + temp.resolve("plain.db");
        Path folder = parentAndChild();
        migrator(url, folder).migrate();
        TestFiles.write(folder, "V2__orphan.sql", "INSERT INTO child VALUES (11, 99);\n");

        MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                () -> migrator(url, folder).migrate());

        assertThat(failure).hasMessageContaining("V2__orphan.sql").hasMessageContaining("foreign_key_check")
                .hasMessageContaining("child").hasMessageContaining("parent");
        assertThat(failure.rolledBack()).isTrue();
        assertThat(query(url, "SELECT id FROM child")).containsExactly("10");
        assertThat(query(url, "SELECT version FROM cairn_schema_history")).containsExactly("1");
    }

    @Test
    void pragmaThatCannotTakeEffectInATransactionIsRefusedSayingWhy() throws SQLException {
        String url = "jdbc:sqlite:" + temp.resolve("journal.db");
        Path folder = parentAndChild();
        TestFiles.write(folder, "V2__wal.sql", "PRAGMA journal_mode = WAL;\nCREATE TABLE later (id INTEGER);\n");

        MigrationConfigurationException failure = catchThrowableOfType(MigrationConfigurationException.class,
                () -> migrator(url, folder).migrate());

        assertThat(failure).hasMessageContaining("V2__wal.sql").hasMessageContaining("journal_mode")
                .hasMessageContaining("transaction").hasMessageContaining("cairn:no-transaction");
        assertThat(query(url, "SELECT version FROM cairn_schema_history")).containsExactly("1");
    }
}
