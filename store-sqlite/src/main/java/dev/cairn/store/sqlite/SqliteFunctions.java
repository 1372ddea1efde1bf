package dev.cairn.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.Function;
import org.sqlite.SQLiteConnection;

/**
 * The SQL functions Cairn's queries call on SQLite, registered on each connection by
 * {@link SqliteDialect#prepare}. SQLite's own {@code lower()} folds ASCII letters only, so a search for "été"
 * would miss "ÉTÉ"; {@code cairn_lower} folds as Java does, as the memory, H2 and PostgreSQL stores do.
 * Stateless and thread-safe.
 */
final class SqliteFunctions {
    /** The name the store's queries use; see {@link SqliteDialect#foldCase}. */
    static final String LOWER = "cairn_lower";

    private SqliteFunctions() {
    }

    static void register(Connection connection) throws SQLException {
        SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
        Function.create(sqlite, LOWER, new Lower(), 1, Function.FLAG_DETERMINISTIC);
    }

    private static final class Lower extends Function {
        @Override
        protected void xFunc() throws SQLException {
            String text = value_text(0);
            if (text == null) {
                result();
            } else {
                result(text.toLowerCase(Locale.ROOT));
            }
        }
    }
}
