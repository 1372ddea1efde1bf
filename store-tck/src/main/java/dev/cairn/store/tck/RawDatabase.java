package dev.cairn.store.tck;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The tables of a store, reached past Cairn, as another tool reaches them: the doctor's drift tests write
 * through it what Cairn's rules refuse. See {@link StoreFixture#rawDatabase}.
 *
 * <p>Thread-safe as far as the driver's connections are.
 */
public interface RawDatabase {
    /**
     * A new connection to the store's tables, in auto-commit mode.
     *
     * @return the connection; the caller closes it
     * @throws SQLException when the database cannot be reached
     */
    Connection connect() throws SQLException;

    /**
     * Lets {@code connection} write what the schema's checks and foreign keys forbid, as another tool could:
     * a pragma on SQLite, dropping the constraints on a server database.
     *
     * @param connection a connection from {@link #connect()}
     * @throws SQLException when the database refuses
     */
    void allowDrift(Connection connection) throws SQLException;
}
