package dev.cairn.store.jdbc;

import dev.cairn.migrations.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Objects;
import org.jooq.SQLDialect;

/**
 * What differs between the SQL databases Cairn stores into: how a unit of work begins and ends, how
 * savepoints are written, how a driver reports a broken key or a held lock, how text is folded for a search,
 * whether writes queue in the JVM and how graph walks run. The rest of the store is the same SQL for all.
 *
 * <p>Each database's dialect lives in its store module, beside its provider, and overrides the hooks where
 * the database departs from plain JDBC and standard SQLSTATEs; adding a database means adding such a module,
 * not editing this one. The hooks are {@code protected}: they are called by the store, not by applications.
 * A dialect is stateless: implementations must be immutable and thread-safe, and one instance serves every
 * store of its database.
 */
public abstract class JdbcDialect {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String SERIALIZATION_FAILURE = "40001";

    private final String name;
    private final SQLDialect sqlDialect;
    private final Dialect migrationDialect;

    /**
     * @param name             the backend's short name, as {@link dev.cairn.core.spi.Store#backend()} reports it
     * @param jooqDialect      the name of the jOOQ {@code SQLDialect} that renders the store's queries, such as
     *                         {@code POSTGRES}; a name, so that no jOOQ type is in this API
     * @param migrationDialect the dialect of the migration engine, whose sets this database runs
     * @throws IllegalArgumentException when jOOQ has no dialect of that name
     */
    protected JdbcDialect(String name, String jooqDialect, Dialect migrationDialect) {
        this.name = Objects.requireNonNull(name, "name");
        this.sqlDialect = SQLDialect.valueOf(Objects.requireNonNull(jooqDialect, "jooqDialect"));
        this.migrationDialect = Objects.requireNonNull(migrationDialect, "migrationDialect");
    }

    /**
     * The backend's short name, as {@link dev.cairn.core.spi.Store#backend()} reports it.
     *
     * @return the backend's name
     */
    public final String name() {
        return name;
    }

    /**
     * The dialect of the migration engine, whose sets this database runs.
     *
     * @return the migration engine's dialect
     */
    public final Dialect migrationDialect() {
        return migrationDialect;
    }

    final SQLDialect sqlDialect() {
        return sqlDialect;
    }

    // ----------------------------------------------------------------------------------------------
    // Connections and units of work

    /**
     * Readies a connection just made or taken from a caller's pool; nothing unless overridden.
     *
     * @param connection the connection
     * @throws SQLException when the driver fails; the connection is then not used
     */
    protected void prepare(Connection connection) throws SQLException {
    }

    /**
     * Begins a unit of work through {@code run}, which executes a statement (the store prepares each once per
     * connection where it pools its own).
     *
     * @param write            whether the unit of work writes
     * @param snapshotSessions whether the connection's session runs transactions at repeatable read already, as
     *                         a pool the backend configured does
     * @param connection the unit of work's connection
     * @param run how to execute a statement of the hook's own
     * @throws SQLException when the driver fails; the store translates it
     */
    protected abstract void begin(Connection connection, boolean write, boolean snapshotSessions, SqlRunner run)
            throws SQLException;

    /**
     * Begins a unit of work whose statements resolve names in {@code schema} for that transaction only, leaving
     * the session's own setting as it was: for connections the store borrows from a caller's pool, and for
     * sessions a transaction-pooling proxy shares between clients. Where {@code schema} is null, the same as
     * {@link #begin(Connection, boolean, boolean, SqlRunner)}; a database that cannot scope a schema to a
     * transaction refuses a non-null one, as unless overridden.
     *
     * @param connection the unit of work's connection
     * @param write whether the unit of work writes
     * @param snapshotSessions whether the session runs transactions at repeatable read already
     * @param schema the schema for this transaction only, or null to leave name resolution to the session
     * @param run how to execute a statement of the hook's own
     * @throws SQLException when the driver fails, or the database cannot scope a schema to a transaction
     */
    protected void begin(Connection connection, boolean write, boolean snapshotSessions, String schema,
                         SqlRunner run) throws SQLException {
        if (schema != null) {
            throw new SQLFeatureNotSupportedException("The " + name + " store cannot use schema " + schema
                    + " for one transaction only");
        }
        begin(connection, write, snapshotSessions, run);
    }

    /**
     * Commits a unit of work; a JDBC commit, back to auto-commit, unless overridden.
     *
     * @param connection the unit of work's connection
     * @param run how to execute a statement of the hook's own
     * @throws SQLException when the driver fails; the store translates it
     */
    protected void commit(Connection connection, SqlRunner run) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    /**
     * Rolls a unit of work back; a JDBC rollback, back to auto-commit, unless overridden.
     *
     * @param connection the unit of work's connection
     * @param run how to execute a statement of the hook's own
     * @throws SQLException when the driver fails; the store translates it
     */
    protected void rollback(Connection connection, SqlRunner run) throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    /** Executes one statement on a connection. */
    @FunctionalInterface
    public interface SqlRunner {
        /**
         * Executes {@code sql} on {@code connection}.
         *
         * @param connection the connection
         * @param sql the statement
         * @throws SQLException when the statement fails
         */
        void execute(Connection connection, String sql) throws SQLException;
    }

    /**
     * Sets a savepoint named {@code name} for a write nested in another; returns the JDBC savepoint, or null where
     * SQL names it. A JDBC savepoint unless overridden.
     *
     * @param connection the unit of work's connection
     * @param name the savepoint's name, unique within the unit of work
     * @return the JDBC savepoint, or {@code null}
     * @throws SQLException when the driver fails; the store translates it
     */
    protected Savepoint savepoint(Connection connection, String name) throws SQLException {
        return connection.setSavepoint(name);
    }

    /**
     * Releases the savepoint of a nested write that succeeded.
     *
     * @param connection the unit of work's connection
     * @param name the savepoint's name
     * @param savepoint what {@link #savepoint} returned
     * @throws SQLException when the driver fails; the store translates it
     */
    protected void releaseSavepoint(Connection connection, String name, Savepoint savepoint) throws SQLException {
        connection.releaseSavepoint(savepoint);
    }

    /**
     * Undoes a nested write that failed, back to its savepoint.
     *
     * @param connection the unit of work's connection
     * @param name the savepoint's name
     * @param savepoint what {@link #savepoint} returned
     * @throws SQLException when the driver fails; the store translates it
     */
    protected void rollbackToSavepoint(Connection connection, String name, Savepoint savepoint) throws SQLException {
        connection.rollback(savepoint);
    }

    /**
     * Whether one store's writes queue on a lock in the JVM before they reach the database; false unless
     * overridden.
     *
     * @return true when writes take turns in the JVM
     */
    protected boolean serialWrites() {
        return false;
    }

    /**
     * Whether a failed statement aborts the transaction it ran in, so that a store must avoid failing ones, as
     * with {@code ON CONFLICT DO NOTHING}, rather than catch their failure; false unless overridden.
     *
     * @return true when a failed statement aborts its transaction
     */
    protected boolean failureAbortsTransaction() {
        return false;
    }

    // ----------------------------------------------------------------------------------------------
    // Queries

    /**
     * Whether graph walks run as one recursive query, as unless overridden; otherwise as one query per level.
     *
     * @return true for recursive queries
     */
    protected boolean recursiveWalks() {
        return true;
    }

    /**
     * The SQL that folds {@code {0}} to lower case, for searches that ignore case: it must fold every letter as
     * Java does, not ASCII only. {@code lower({0})} unless overridden.
     *
     * @return the SQL template, with {@code {0}} for the text folded
     */
    protected String foldCase() {
        return "lower({0})";
    }

    // ----------------------------------------------------------------------------------------------
    // What a driver's failure means

    /**
     * Whether {@code failure} says the connection is gone, so that a unit of work not yet begun may take a new
     * connection and try again; SQLSTATE class 08 (connection exception) unless overridden.
     *
     * @param failure the driver's exception
     * @return true when the connection is gone
     */
    protected boolean isConnectionLost(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && state.startsWith("08");
    }

    /**
     * Whether {@code failure} is the database undoing a transaction to resolve a conflict with a concurrent
     * one, after which running it again may succeed; SQLSTATE 40001 (serialization failure) unless overridden.
     *
     * @param failure the driver's exception
     * @return true when running the unit of work again may succeed
     */
    protected boolean isConcurrencyFailure(SQLException failure) {
        return SERIALIZATION_FAILURE.equals(failure.getSQLState());
    }

    /**
     * Whether {@code failure} is a unique or primary key violation; SQLSTATE 23505 unless overridden.
     *
     * @param failure the driver's exception
     * @return true for a unique or primary key violation
     */
    protected boolean isUniqueViolation(SQLException failure) {
        return UNIQUE_VIOLATION.equals(failure.getSQLState());
    }

    /**
     * Whether {@code failure} is a foreign key violation; SQLSTATE 23503 unless overridden.
     *
     * @param failure the driver's exception
     * @return true for a foreign key violation
     */
    protected boolean isForeignKeyViolation(SQLException failure) {
        return FOREIGN_KEY_VIOLATION.equals(failure.getSQLState());
    }

    /**
     * Whether {@code failure} says another connection holds the lock, so that beginning again after a pause may
     * work; false unless overridden, for databases that wait for locks themselves.
     *
     * @param failure the driver's exception
     * @return true when another connection holds the lock
     */
    protected boolean isBusy(SQLException failure) {
        return false;
    }

    /**
     * What a failure likely means when its cause is not in the database itself, such as a proxy between the
     * store and the server, said so that a user can act on it; appended to the store's message. Null (nothing
     * to add) unless overridden.
     *
     * @param failure the driver's failure
     * @return the likely cause and what to do about it, or null
     */
    protected String likelyCause(SQLException failure) {
        return null;
    }

    /**
     * Executes {@code sql} on {@code connection}, for hooks that run a statement of their own.
     *
     * @param connection the connection
     * @param sql the statement
     * @throws SQLException when the statement fails
     */
    protected static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public String toString() {
        return "JdbcDialect[" + name + "]";
    }
}
