package dev.cairn.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.store.tck.SqlStoreFixture;
import dev.cairn.store.tck.StoreFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite stores for the contract suites: a file for each store name in a temporary folder, deleted after the
 * test ({@link #inFiles()}), or {@code sqlite::memory:} ({@link #inMemory()}).
 */
final class SqliteFixture extends SqlStoreFixture {
    private SqliteFixture() {
    }

    /** A new file for each store a test names, in a folder of the fixture's own. */
    static SqliteFixture inFiles() {
        return new SqliteFixture();
    }

    /**
     * {@code sqlite::memory:}, SQLite's in-memory form for tests: a private database on each open, gone when
     * it is closed. It declares no capability, so it is never reopened; there is no second connection to its
     * tables, so it serves the suites of the store alone.
     */
    static StoreFixture inMemory() {
        return new StoreFixture() {
            @Override
            public String storeUrl(String name) {
                return "sqlite::memory:";
            }

            @Override
            protected Store open(String url) {
                return new SqliteStoreProvider().open(CairnConfig.of(url));
            }
        };
    }

    /** The file of the store called {@code name}. */
    Path file(String name) {
        return folder().resolve(name + ".db");
    }

    @Override
    public String storeUrl(String name) {
        return "sqlite:" + file(name);
    }

    @Override
    protected Store open(String url) {
        return new SqliteStoreProvider().open(CairnConfig.of(url));
    }

    @Override
    public String jdbcUrl(String name) {
        return "jdbc:sqlite:" + file(name);
    }

    /** With foreign keys enforced, as the store's own connections have them. */
    @Override
    public Connection connect(String name) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl(name));
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
        }
        return connection;
    }

    @Override
    public MigrationSet migrationSet() {
        return new SqliteMigrationSet();
    }

    @Override
    public String booleanText(boolean value) {
        return value ? "1" : "0";
    }

    /** Another tool's connection that ignores the schema's checks and foreign keys. */
    @Override
    protected void allowDrift(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA ignore_check_constraints = ON");
            statement.execute("PRAGMA foreign_keys = OFF");
        }
    }

    /** SQLite's driver gives no SQLSTATE: the message names the table whose key refused the row. */
    @Override
    public void assertRefusedAsDuplicate(SQLException refusal) {
        assertThat(refusal.getMessage()).contains("cairn_command_leases");
    }

    @Override
    public void assertRefusedByAConstraint(SQLException refusal) {
        assertThat(refusal.getMessage()).contains("constraint failed");
    }
}
