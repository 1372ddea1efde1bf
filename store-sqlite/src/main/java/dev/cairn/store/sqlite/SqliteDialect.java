package dev.cairn.store.sqlite;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.SqliteErrors;
import dev.cairn.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Locale;

/**
 * SQLite. Connections stay in auto-commit mode and units of work are opened with SQL: a write with
 * {@code BEGIN IMMEDIATE}, which takes the write lock up front so that two writers never deadlock upgrading a
 * read lock, and a read with a deferred {@code BEGIN}, whose snapshot (in WAL mode) holds until it ends. SQLite
 * lets one writer in at a time per file, so writes of one store also queue on a lock in the JVM rather than
 * spinning in the driver's busy handler. Immutable and thread-safe.
 */
final class SqliteDialect extends JdbcDialect {
    /** The one instance: a dialect is stateless. */
    static final SqliteDialect INSTANCE = new SqliteDialect();

    private SqliteDialect() {
        super("sqlite", "SQLITE", Dialect.SQLITE);
    }

    /**
     * Turns foreign keys on and registers {@link SqliteFunctions}: a caller's DataSource may not set the one, and
     * knows nothing of the other; both are per connection and cheap to repeat.
     */
    @Override
    protected void prepare(Connection connection) throws SQLException {
        execute(connection, "PRAGMA foreign_keys = ON");
        SqliteFunctions.register(connection);
    }

    @Override
    protected void begin(Connection connection, boolean write, boolean snapshotSessions, SqlRunner run)
            throws SQLException {
        run.execute(connection, write ? "BEGIN IMMEDIATE" : "BEGIN");
    }

    @Override
    protected void commit(Connection connection, SqlRunner run) throws SQLException {
        run.execute(connection, "COMMIT");
    }

    @Override
    protected void rollback(Connection connection, SqlRunner run) throws SQLException {
        run.execute(connection, "ROLLBACK");
    }

    /** In SQL: JDBC savepoints need auto-commit off, which would make the driver issue BEGIN itself. */
    @Override
    protected Savepoint savepoint(Connection connection, String name) throws SQLException {
        execute(connection, "SAVEPOINT " + name);
        return null;
    }

    @Override
    protected void releaseSavepoint(Connection connection, String name, Savepoint savepoint) throws SQLException {
        execute(connection, "RELEASE SAVEPOINT " + name);
    }

    @Override
    protected void rollbackToSavepoint(Connection connection, String name, Savepoint savepoint) throws SQLException {
        execute(connection, "ROLLBACK TO SAVEPOINT " + name);
        execute(connection, "RELEASE SAVEPOINT " + name);
    }

    @Override
    protected boolean serialWrites() {
        return true;
    }

    /** SQLite's own {@code lower()} folds ASCII only: {@link SqliteFunctions#LOWER} folds as Java does. */
    @Override
    protected String foldCase() {
        return SqliteFunctions.LOWER + "({0})";
    }

    @Override
    protected boolean isUniqueViolation(SQLException failure) {
        return hasCode(failure, "SQLITE_CONSTRAINT_PRIMARYKEY") || hasCode(failure, "SQLITE_CONSTRAINT_UNIQUE");
    }

    @Override
    protected boolean isForeignKeyViolation(SQLException failure) {
        return hasCode(failure, "SQLITE_CONSTRAINT_FOREIGNKEY");
    }

    /** The engine's definition, so that the store and its migrations agree on what a locked file looks like. */
    @Override
    protected boolean isBusy(SQLException failure) {
        return SqliteErrors.isBusy(failure);
    }

    /** The driver names SQLite's extended result code in its message, not in the SQLSTATE. */
    private static boolean hasCode(SQLException failure, String code) {
        String message = failure.getMessage();
        return message != null && message.toUpperCase(Locale.ROOT).contains(code);
    }
}
