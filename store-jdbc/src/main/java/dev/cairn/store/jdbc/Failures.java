package dev.cairn.store.jdbc;

import dev.cairn.core.CairnException;
import dev.cairn.core.ConcurrentChangeException;
import dev.cairn.core.StoreException;
import java.sql.SQLException;
import org.jooq.exception.DataAccessException;

/** Driver failures as Cairn's exceptions, with the database's own message and no SQL text. Thread-safe. */
final class Failures {
    private Failures() {
    }

    /** The driver's exception under jOOQ's, or an empty one when jOOQ failed on its own. */
    static SQLException sqlCause(DataAccessException failure) {
        SQLException cause = failure.getCause(SQLException.class);
        return cause != null ? cause : new SQLException(failure.getMessage());
    }

    static CairnException translate(JdbcStore store, DataAccessException failure) {
        return translate(store, sqlCause(failure), failure);
    }

    static CairnException translate(JdbcStore store, SQLException cause, Exception failure) {
        if (store.dialect().isConcurrencyFailure(cause)) {
            return new ConcurrentChangeException("A concurrent transaction on the " + store.backend() + " store "
                    + store.description() + " conflicted with this one, which was undone: " + cause.getMessage(),
                    failure);
        }
        String likelyCause = store.dialect().likelyCause(cause);
        return new StoreException("The " + store.backend() + " store " + store.description() + " failed: "
                + cause.getMessage() + (likelyCause == null ? "" : ". " + likelyCause), failure);
    }
}
