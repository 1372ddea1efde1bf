package dev.cairn.store.postgres;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.StoreConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The store property {@code pooling}: {@code session} (the default) for a direct connection or a proxy that
 * gives each client a server session of its own, {@code transaction} for a proxy that may run each transaction
 * on another server session (PgBouncer in {@code pool_mode=transaction}, the poolers of managed PostgreSQL).
 * Under {@code transaction} nothing relies on a session across transactions: no server-side prepared statements,
 * the schema and isolation set in each transaction, and the migration lock taken inside each migration's
 * transaction. Thread-safe.
 */
final class TransactionPooling {
    /** The property's name. */
    static final String PROPERTY = "pooling";

    private static final String DUPLICATE_PREPARED_STATEMENT = "42P05";
    private static final String INVALID_STATEMENT_NAME = "26000";

    private TransactionPooling() {
    }

    /**
     * Whether the configuration says a transaction pooler stands between the store and the server.
     *
     * @throws StoreConfigurationException for a value other than {@code session} or {@code transaction}
     */
    static boolean enabled(CairnConfig config) {
        String value = config.property(PROPERTY).orElse("session").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "session" -> false;
            case "transaction" -> true;
            default -> throw new StoreConfigurationException("Invalid " + PROPERTY + " = '"
                    + config.property(PROPERTY).orElse("") + "' for the PostgreSQL store " + config.maskedUrl()
                    + ": use session (the default: a direct connection, or a proxy in session mode) or transaction"
                    + " (behind PgBouncer in pool_mode=transaction, or another transaction-pooling proxy).");
        };
    }

    /**
     * Refuses a caller's DataSource whose connections prepare statements on the server, which a transaction
     * pooler shares between clients: the store cannot change that on the caller's connections.
     *
     * @throws StoreConfigurationException naming the setting, when pgjdbc's {@code prepareThreshold} is not 0
     */
    static void requireNoServerPrepares(DataSource dataSource, String maskedUrl) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(PGConnection.class)) {
                return;
            }
            int threshold = connection.unwrap(PGConnection.class).getPrepareThreshold();
            if (threshold != 0) {
                throw new StoreConfigurationException("The PostgreSQL store " + maskedUrl + " has " + PROPERTY
                        + "=transaction, but the connections of its DataSource prepare statements on the server"
                        + " (prepareThreshold=" + threshold + "), which a transaction-pooling proxy shares between"
                        + " clients: set prepareThreshold=0 on the DataSource (?prepareThreshold=0 in its JDBC URL,"
                        + " or PGSimpleDataSource.setPrepareThreshold(0)).");
            }
        } catch (SQLException failure) {
            throw new StoreConfigurationException("Cannot check the DataSource of the PostgreSQL store " + maskedUrl
                    + ": " + failure.getMessage(), failure);
        }
    }

    /** The advice for a failure that a transaction pooler causes, or null for any other. */
    static String likelyCause(SQLException failure) {
        String state = failure.getSQLState();
        String message = String.valueOf(failure.getMessage());
        boolean preparedStatement = DUPLICATE_PREPARED_STATEMENT.equals(state)
                || INVALID_STATEMENT_NAME.equals(state) && message.contains("prepared statement");
        if (!preparedStatement) {
            return null;
        }
        return "This is what a transaction-pooling proxy (PgBouncer in pool_mode=transaction, or a managed"
                + " PostgreSQL's pooler) does to the driver's prepared statements, which live in one server"
                + " session: open the store with the property " + PROPERTY + "=transaction (?" + PROPERTY
                + "=transaction in its URL), or connect to the server directly";
    }
}
