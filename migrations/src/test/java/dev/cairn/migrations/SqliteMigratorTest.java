package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteMigratorTest extends AbstractMigratorTest {

    @Test
    void vacuumRunsOutsideTheRunTransactionAndIsRecordedOnce() throws SQLException {
        TestFiles.write(folder, "V3__compact.sql", "VACUUM;\n");
        TestFiles.write(folder, "V4__after.sql", "CREATE TABLE after_vacuum (id INTEGER);\n");

        MigrateResult result = builder().build().migrate();

        assertThat(result.applied()).extracting(ExecutedMigration::script).endsWith("V3__compact.sql", "V4__after.sql");
        assertThat(history()).hasSize(5).allMatch(row -> row.endsWith("|1"));
        assertThat(builder().build().migrate().applied()).isEmpty();
    }

    @Override
    Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    String freshDatabaseUrl(Path temp) {
        return "jdbc:sqlite:" + temp.resolve("test.db");
    }

    @Override
    boolean transactionalDdl() {
        return true;
    }

    @Override
    List<String> snapshot(Connection connection) throws SQLException {
        return Snapshots.of(connection, "SELECT name, type, sql FROM sqlite_master",
                "SELECT name FROM sqlite_master WHERE type = 'table'");
    }

    @Override
    String trueValue() {
        return "1";
    }

    @Override
    String falseValue() {
        return "0";
    }
}
