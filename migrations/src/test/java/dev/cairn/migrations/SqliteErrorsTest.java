package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SqliteErrors} on what a real SQLite driver throws. */
final class SqliteErrorsTest {
    @TempDir
    Path folder;

    @Test
    void aWriteLockHeldByAnotherConnectionIsBusy() throws SQLException {
        String url = "jdbc:sqlite:" + folder.resolve("locked.db");
        try (Connection holder = DriverManager.getConnection(url);
             Connection waiter = DriverManager.getConnection(url);
             Statement holding = holder.createStatement();
             Statement waiting = waiter.createStatement()) {
            holding.execute("BEGIN IMMEDIATE");
            waiting.execute("PRAGMA busy_timeout = 0");
            assertThatThrownBy(() -> waiting.execute("BEGIN IMMEDIATE")).isInstanceOfSatisfying(SQLException.class,
                    busy -> assertThat(SqliteErrors.isBusy(busy)).as(busy.toString()).isTrue());
        }
    }

    @Test
    void anyOtherFailureIsNotBusy() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("plain.db"));
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("SELEC 1")).isInstanceOfSatisfying(SQLException.class,
                    syntax -> assertThat(SqliteErrors.isBusy(syntax)).as(syntax.toString()).isFalse());
            assertThat(SqliteErrors.isBusy(new SQLException((String) null))).isFalse();
        }
    }
}
