package dev.cairn.store.h2;

import dev.cairn.migrations.Dialect;
import dev.cairn.store.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * H2. Units of work use JDBC transactions; a read runs at repeatable read, which in H2's MVStore is a snapshot
 * taken at its first statement. Writes of one store queue on a lock in the JVM: an embedded H2 belongs to one
 * process, and serial writers give events increasing sequences in commit order.
 *
 * <p>Graph walks run one query per level instead of a recursive CTE: H2 evaluates a recursive CTE again for
 * every row of the query that reads it, which makes a walk over 10,000 nodes take minutes. Layers strictly
 * descend along links, so a walk has at most eleven levels.
 *
 * <p>Immutable and thread-safe.
 */
final class H2Dialect extends JdbcDialect {
    /** The one instance: a dialect is stateless. */
    static final H2Dialect INSTANCE = new H2Dialect();

    /** H2's state for a missing parent row; it keeps the standard 23503 for a row still referenced. */
    private static final String REFERENCED_ROW_MISSING = "23506";

    private H2Dialect() {
        super("h2", "H2", Dialect.H2);
    }

    @Override
    protected void begin(Connection connection, boolean write, boolean snapshotSessions, SqlRunner run)
            throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(write ? Connection.TRANSACTION_READ_COMMITTED
                : Connection.TRANSACTION_REPEATABLE_READ);
    }

    @Override
    protected boolean serialWrites() {
        return true;
    }

    @Override
    protected boolean recursiveWalks() {
        return false;
    }

    @Override
    protected boolean isForeignKeyViolation(SQLException failure) {
        return super.isForeignKeyViolation(failure) || REFERENCED_ROW_MISSING.equals(failure.getSQLState());
    }
}
