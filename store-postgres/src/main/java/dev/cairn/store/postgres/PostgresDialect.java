package dev.cairn.store.postgres;

import dev.cairn.migrations.Dialect;
import dev.cairn.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL. Units of work use JDBC transactions, so that the driver sends {@code BEGIN} with the first
 * statement instead of in a round trip of its own. A read runs at repeatable read, one snapshot for all of its
 * statements: the session's default on connections the store pools itself, set per transaction on a caller's. A
 * write runs at read committed, set as its first statement, where an update that lost a race re-reads the row
 * and finds its version changed. The pool never sees a changed isolation level to reset.
 *
 * <p>Writes to one schema commit one at a time, across threads and processes alike: each begins by taking a
 * transaction-scoped advisory lock of its schema, before any row lock, so writers cannot deadlock on each
 * other's order, and events get their sequence numbers in commit order, so a reader paging through them by
 * sequence never passes one that commits later. Reads never wait for it; tenants in other schemas do not share
 * it.
 *
 * <p>A failed statement aborts the whole PostgreSQL transaction, so the store never lets one fail on purpose:
 * inserts that may meet an existing key say {@code ON CONFLICT DO NOTHING} and count rows.
 *
 * <p>Immutable and thread-safe.
 */
final class PostgresDialect extends JdbcDialect {
    /** The one instance: a dialect is stateless. */
    static final PostgresDialect INSTANCE = new PostgresDialect();

    private static final String DEADLOCK_DETECTED = "40P01";

    private PostgresDialect() {
        super("postgresql", "POSTGRES", Dialect.POSTGRESQL);
    }

    @Override
    protected void begin(Connection connection, boolean write, boolean snapshotSessions, SqlRunner run)
            throws SQLException {
        begin(connection, write, snapshotSessions, null, run);
    }

    /**
     * With a schema, its search path is set for the transaction only ({@code set_config(..., true)}, as
     * {@code SET LOCAL}) in the same round trip: the session's own search path is the caller's, or, behind a
     * transaction pooler, whichever client's last set one.
     */
    @Override
    protected void begin(Connection connection, boolean write, boolean snapshotSessions, String schema,
                         SqlRunner run) throws SQLException {
        connection.setAutoCommit(false);
        String searchPath = schema == null ? null
                : "SELECT pg_catalog.set_config('search_path', '" + identifier(schema) + "', true)";
        if (write) {
            // One round trip: read committed, then the schema's write lock (see the class comment).
            String lockKey = schema == null ? "current_schema()" : "'" + identifier(schema) + "'";
            run.execute(connection, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; "
                    + (searchPath == null ? "" : searchPath + "; ")
                    + "SELECT pg_advisory_xact_lock(hashtext('cairn_write.' || " + lockKey + "))");
        } else if (!snapshotSessions) {
            run.execute(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                    + (searchPath == null ? "" : "; " + searchPath));
        } else if (searchPath != null) {
            run.execute(connection, searchPath);
        }
    }

    /** A schema as the provider accepts it (see {@code PostgresStoreProvider.schemaName}): safe in a literal. */
    private static String identifier(String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain lower-case identifier: " + schema);
        }
        return schema;
    }

    /**
     * A prepared statement that the server says exists already ({@code S_1}), or does not exist, is what a
     * transaction-pooling proxy makes of the driver's server-side prepared statements: each transaction may run
     * on another server session.
     */
    @Override
    protected String likelyCause(SQLException failure) {
        return TransactionPooling.likelyCause(failure);
    }

    @Override
    protected boolean failureAbortsTransaction() {
        return true;
    }

    /**
     * PostgreSQL folds under the database's own locale: Cairn's text columns sort under collation "C", which
     * would fold ASCII only.
     */
    @Override
    protected String foldCase() {
        return "lower({0} COLLATE \"default\")";
    }

    /** 57P01..57P03 too: the server is shutting down, or not yet accepting connections. */
    @Override
    protected boolean isConnectionLost(SQLException failure) {
        String state = failure.getSQLState();
        return super.isConnectionLost(failure) || state != null && state.startsWith("57P");
    }

    /** A deadlock, besides a serialization failure: PostgreSQL undid one of the two, which may run again. */
    @Override
    protected boolean isConcurrencyFailure(SQLException failure) {
        return super.isConcurrencyFailure(failure) || DEADLOCK_DETECTED.equals(failure.getSQLState());
    }
}
