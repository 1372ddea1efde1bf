package dev.cairn.migrations.internal;

import dev.cairn.migrations.MigrationLockTimeoutException;
import java.sql.SQLException;

/**
 * What a transaction-pooling proxy between the engine and PostgreSQL looks like when the engine does not know
 * of it: a session lock that stays with a server session the proxy keeps after its client left, and prepared
 * statements that meet another client's ({@code prepared statement "S_1" already exists}). Said in the error,
 * with what to do. Thread-safe.
 */
final class PoolerHints {
    static final String ADVICE = "Behind a transaction-pooling proxy (PgBouncer in pool_mode=transaction, or a"
            + " managed PostgreSQL's pooler) use Migrator.Builder.transactionPooling(true), the store property"
            + " pooling=transaction (?pooling=transaction in the URL) with prepareThreshold=0 for the driver, or"
            + " connect to the server directly.";

    private PoolerHints() {
    }

    /** The timeout, saying that a session lock may be held by a server session a proxy kept. */
    static MigrationLockTimeoutException lockTimeout(MigrationLockTimeoutException timeout) {
        return new MigrationLockTimeoutException(timeout.target(), timeout.timeout(), "If no migrator runs, the"
                + " session lock may be held by a server connection that a transaction-pooling proxy keeps open"
                + " after an earlier migrator left. " + ADVICE, timeout.getCause());
    }

    /** The advice for a failure a transaction pooler causes ({@code 42P05}, {@code 26000}), or an empty string. */
    static String of(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("42P05".equals(sql.getSQLState())
                    || "26000".equals(sql.getSQLState()) && String.valueOf(sql.getMessage()).contains("prepared"))) {
                return " This is what a transaction-pooling proxy does to prepared statements, which live in one"
                        + " server session. " + ADVICE;
            }
        }
        return "";
    }
}
