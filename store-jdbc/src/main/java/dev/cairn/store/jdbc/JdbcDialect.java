package dev.cairn.store.jdbc;

import dev.cairn.migrations.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Locale;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * What differs between the SQL databases Cairn stores into: how a unit of work begins and ends, how
 * savepoints are written, how a driver reports a broken key, and the jOOQ dialect that renders the
 * queries. Every such difference is in this one class; the rest of the store is the same SQL for all.
 * Immutable and thread-safe.
 *
 * <p>Adding a database means adding one constant here, a provider and a migration set.
 */
public final class JdbcDialect {
    /**
     * SQLite. Connections stay in auto-commit mode and units of work are opened with SQL: a write with
     * {@code BEGIN IMMEDIATE}, which takes the write lock up front so that two writers never deadlock
     * upgrading a read lock, and a read with a deferred {@code BEGIN}, whose snapshot (in WAL mode) holds
     * until it ends. SQLite lets one writer in at a time per file, so writes of one store also queue on a
     * lock in the JVM rather than spinning in the driver's busy handler.
     */
    public static final JdbcDialect SQLITE = new JdbcDialect("sqlite", SQLDialect.SQLITE, Dialect.SQLITE, true, true);

    /**
     * H2. Units of work use JDBC transactions; a read runs at repeatable read, which in H2's MVStore is a
     * snapshot taken at its first statement. Writes of one store queue on a lock in the JVM: an embedded H2
     * belongs to one process, and serial writers give events increasing sequences in commit order.
     *
     * <p>Graph walks run one query per level instead of a recursive CTE: H2 evaluates a recursive CTE again
     * for every row of the query that reads it, which makes a walk over 10,000 nodes take minutes. Layers
     * strictly descend along links, so a walk has at most eleven levels.
     */
    public static final JdbcDialect H2 = new JdbcDialect("h2", SQLDialect.H2, Dialect.H2, true, false);

    /**
     * PostgreSQL. Units of work use JDBC transactions, so that the driver sends {@code BEGIN} with the first
     * statement instead of in a round trip of its own. A read runs at repeatable read, one snapshot for all
     * of its statements: the session's default on connections the store pools itself, set per transaction
     * on a caller's. A write runs at read committed, set as its first statement, where an update that lost a
     * race re-reads the row and finds its version changed. The pool never sees a changed isolation level to
     * reset.
     *
     * <p>Writes to one schema commit one at a time, across threads and processes alike: each begins by taking
     * a transaction-scoped advisory lock of its schema, before any row lock, so writers cannot deadlock on
     * each other's order, and events get their sequence numbers in commit order, so a reader paging through
     * them by sequence never passes one that commits later. Reads never wait for it; tenants in other schemas
     * do not share it.
     *
     * <p>A failed statement aborts the whole PostgreSQL transaction, so the store never lets one fail on
     * purpose: inserts that may meet an existing key say {@code ON CONFLICT DO NOTHING} and count rows.
     */
    public static final JdbcDialect POSTGRES = new JdbcDialect("postgresql", SQLDialect.POSTGRES,
            Dialect.POSTGRESQL, false, true);

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final String name;
    private final SQLDialect sqlDialect;
    private final Dialect migrationDialect;
    private final boolean serialWrites;
    private final boolean recursiveWalks;

    private JdbcDialect(String name, SQLDialect sqlDialect, Dialect migrationDialect, boolean serialWrites,
                        boolean recursiveWalks) {
        this.name = name;
        this.sqlDialect = sqlDialect;
        this.migrationDialect = migrationDialect;
        this.serialWrites = serialWrites;
        this.recursiveWalks = recursiveWalks;
    }

    /** The backend's short name, as {@link dev.cairn.core.spi.Store#backend()} reports it. */
    public String name() {
        return name;
    }

    /** The dialect of the migration engine, whose sets this database runs. */
    public Dialect migrationDialect() {
        return migrationDialect;
    }

    SQLDialect sqlDialect() {
        return sqlDialect;
    }

    /** Whether one store's writes queue on a lock in the JVM before they reach the database. */
    boolean serialWrites() {
        return serialWrites;
    }

    /** Whether graph walks run as one recursive query; otherwise as one query per level. */
    boolean recursiveWalks() {
        return recursiveWalks;
    }

    /** Readies a connection just made or taken from a caller's pool. */
    void prepare(Connection connection) throws SQLException {
        if (this == SQLITE) {
            // A caller's DataSource may not set these; they are per connection and cheap to repeat.
            execute(connection, "PRAGMA foreign_keys = ON");
        }
    }

    /**
     * Begins a unit of work through {@code run}, which executes a statement (the store prepares each once per
     * connection where it pools its own).
     */
    void begin(Connection connection, boolean write, boolean snapshotSessions, SqlRunner run) throws SQLException {
        if (this == SQLITE) {
            run.execute(connection, write ? "BEGIN IMMEDIATE" : "BEGIN");
        } else if (this == POSTGRES) {
            connection.setAutoCommit(false);
            if (write) {
                // One round trip: read committed, then the schema's write lock (see POSTGRES).
                run.execute(connection, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; "
                        + "SELECT pg_advisory_xact_lock(hashtext('cairn_write.' || current_schema()))");
            } else if (!snapshotSessions) {
                run.execute(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
        } else {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(write ? Connection.TRANSACTION_READ_COMMITTED
                    : Connection.TRANSACTION_REPEATABLE_READ);
        }
    }

    void commit(Connection connection, SqlRunner run) throws SQLException {
        if (sqlTransactions()) {
            run.execute(connection, "COMMIT");
        } else {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    void rollback(Connection connection, SqlRunner run) throws SQLException {
        if (sqlTransactions()) {
            run.execute(connection, "ROLLBACK");
        } else {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** Executes one statement on a connection. */
    @FunctionalInterface
    interface SqlRunner {
        void execute(Connection connection, String sql) throws SQLException;
    }

    /** Sets a savepoint named {@code name}; returns the JDBC savepoint, or null where SQL names it. */
    Savepoint savepoint(Connection connection, String name) throws SQLException {
        if (sqlTransactions()) {
            // JDBC savepoints need auto-commit off, which would make the driver issue BEGIN itself.
            execute(connection, "SAVEPOINT " + name);
            return null;
        }
        return connection.setSavepoint(name);
    }

    void releaseSavepoint(Connection connection, String name, Savepoint savepoint) throws SQLException {
        if (sqlTransactions()) {
            execute(connection, "RELEASE SAVEPOINT " + name);
        } else {
            connection.releaseSavepoint(savepoint);
        }
    }

    void rollbackToSavepoint(Connection connection, String name, Savepoint savepoint) throws SQLException {
        if (sqlTransactions()) {
            execute(connection, "ROLLBACK TO SAVEPOINT " + name);
            execute(connection, "RELEASE SAVEPOINT " + name);
        } else {
            connection.rollback(savepoint);
        }
    }

    /** Whether units of work are begun and ended with SQL on a connection left in auto-commit mode. */
    private boolean sqlTransactions() {
        return this == SQLITE;
    }

    /**
     * Whether a failed statement aborts the transaction it ran in (PostgreSQL), so that a store must avoid
     * failing ones, as with {@code ON CONFLICT DO NOTHING}, rather than catch their failure.
     */
    boolean failureAbortsTransaction() {
        return this == POSTGRES;
    }

    /**
     * Whether {@code failure} says the connection is gone (the server restarted, the network dropped), so
     * that a unit of work not yet begun may take a new connection and try again.
     */
    boolean isConnectionLost(SQLException failure) {
        String state = failure.getSQLState();
        // 08: connection exception; 57P01..57P03: the server is shutting down or not yet accepting.
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }


    /**
     * {@code text} in lower case, for searches that ignore case, folding every letter as Java does, not ASCII
     * only. SQLite's own {@code lower()} folds ASCII only, so its store registers {@code cairn_lower} on each
     * connection. PostgreSQL folds under the database's own locale: Cairn's text columns sort under collation
     * "C", which would fold ASCII only.
     */
    Field<String> foldCase(Field<String> text) {
        if (this == SQLITE) {
            return DSL.function("cairn_lower", String.class, text);
        }
        if (this == POSTGRES) {
            return DSL.field("lower({0} COLLATE \"default\")", String.class, text);
        }
        return DSL.lower(text);
    }

    /**
     * Whether {@code failure} is the database undoing a transaction to resolve a conflict with a concurrent
     * one (a deadlock, a serialization failure), after which running it again may succeed.
     */
    boolean isConcurrencyFailure(SQLException failure) {
        String state = failure.getSQLState();
        return "40P01".equals(state) || "40001".equals(state);
    }

    /** Whether {@code failure} is a unique or primary key violation. */
    boolean isUniqueViolation(SQLException failure) {
        if (this == SQLITE) {
            return hasCode(failure, "SQLITE_CONSTRAINT_PRIMARYKEY") || hasCode(failure, "SQLITE_CONSTRAINT_UNIQUE");
        }
        return UNIQUE_VIOLATION.equals(failure.getSQLState());
    }

    /** Whether {@code failure} is a foreign key violation. */
    boolean isForeignKeyViolation(SQLException failure) {
        if (this == SQLITE) {
            return hasCode(failure, "SQLITE_CONSTRAINT_FOREIGNKEY");
        }
        // H2 reports a missing parent row as 23506, and keeps the standard 23503 for a row still referenced.
        return FOREIGN_KEY_VIOLATION.equals(failure.getSQLState())
                || this == H2 && "23506".equals(failure.getSQLState());
    }

    /** Whether {@code failure} says another connection holds the lock, so that trying again may work. */
    boolean isBusy(SQLException failure) {
        return this == SQLITE && (hasCode(failure, "SQLITE_BUSY") || hasCode(failure, "SQLITE_LOCKED"));
    }

    private static boolean hasCode(SQLException failure, String code) {
        String message = failure.getMessage();
        return message != null && message.toUpperCase(Locale.ROOT).contains(code);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public String toString() {
        return "JdbcDialect[" + name + "]";
    }
}
