package dev.cairn.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.store.tck.CommandRunTablesContractTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;

/** The tables of schema version 2 that record command runs and leases, as the store leaves them. */
class SqliteCommandRunTablesTest extends CommandRunTablesContractTest {
    @TempDir
    Path folder;

    @Override
    protected String cairnUrl() {
        return "sqlite:" + folder.resolve("plan.db");
    }

    @Override
    protected String jdbcUrl() {
        return "jdbc:sqlite:" + folder.resolve("plan.db");
    }

    @Override
    protected Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
        }
        return connection;
    }

    @Override
    protected void assertRefusedByAConstraint(SQLException refusal) {
        assertThat(refusal.getMessage()).contains("constraint failed");
    }
}
