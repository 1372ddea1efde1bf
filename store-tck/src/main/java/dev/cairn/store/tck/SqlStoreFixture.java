package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.spi.Store;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.Migrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The fixture of a SQL store: besides its stores, their tables over JDBC, for the suites that look at the
 * schema itself ({@link UpgradeContractTest}, {@link CommandRunTablesContractTest}) and for the doctor's drift
 * tests, which write past Cairn's rules.
 *
 * <p>Not thread-safe, as {@link StoreFixture}.
 */
public abstract class SqlStoreFixture extends StoreFixture {
    /** For subclasses. */
    protected SqlStoreFixture() {
    }

    /**
     * A JDBC URL of the test's store called {@code name} (see {@link #storeUrl}), for the migrator and plain SQL.
     *
     * @param name the store's name, as {@link #storeUrl} takes it
     * @return the JDBC URL
     */
    public abstract String jdbcUrl(String name);

    /**
     * The store's migration set.
     *
     * @return the migration set the store runs
     */
    public abstract MigrationSet migrationSet();

    /**
     * The text the database gives for a boolean column in a string concatenation ({@code 'x' || flag}):
     * {@code TRUE} on H2, {@code true} on PostgreSQL, {@code 1} on SQLite, which keeps booleans as integers.
     *
     * @param value the boolean
     * @return the text the database gives for it
     */
    public abstract String booleanText(boolean value);

    /**
     * Lets {@code connection} write what the schema's checks and foreign keys forbid, as another tool could:
     * a pragma on SQLite, dropping the constraints on a server database.
     *
     * @param connection a connection to the store's database
     * @throws SQLException when the database refuses
     */
    protected abstract void allowDrift(Connection connection) throws SQLException;

    /**
     * A JDBC connection to the store called {@code name}, with whatever settings the store's own connections use.
     *
     * @param name the store's name, as {@link #storeUrl} takes it
     * @return the connection; the caller closes it
     * @throws SQLException when the database cannot be reached
     */
    public Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(name));
    }

    /**
     * A migrator of the store called {@code name} with the store's migration set and no target; a store whose
     * tables live in a schema of their own names it here.
     *
     * @param name the store's name, as {@link #storeUrl} takes it
     * @return the migrator's builder
     */
    public Migrator.Builder migrator(String name) {
        return Migrator.builder().jdbcUrl(jdbcUrl(name)).sets(migrationSet());
    }

    /**
     * Asserts that {@code refusal} reports a row refused by a unique key (SQLSTATE class 23 by default).
     *
     * @param refusal the driver's exception
     */
    public void assertRefusedAsDuplicate(SQLException refusal) {
        assertThat(refusal.getSQLState()).startsWith("23");
    }

    /**
     * Asserts that {@code refusal} reports a row refused by a constraint (SQLSTATE class 23 by default).
     *
     * @param refusal the driver's exception
     */
    public void assertRefusedByAConstraint(SQLException refusal) {
        // SQLSTATE class 23: integrity constraint violation (check, unique, foreign key).
        assertThat(refusal.getSQLState()).startsWith("23");
    }

    /** The tables of {@code store} through {@link #connect(String)}, drift allowed by {@link #allowDrift}. */
    @Override
    public Optional<RawDatabase> rawDatabase(Store store) {
        String name = nameOf(store);
        return Optional.of(new RawDatabase() {
            @Override
            public Connection connect() throws SQLException {
                return SqlStoreFixture.this.connect(name);
            }

            @Override
            public void allowDrift(Connection connection) throws SQLException {
                SqlStoreFixture.this.allowDrift(connection);
            }
        });
    }
}
