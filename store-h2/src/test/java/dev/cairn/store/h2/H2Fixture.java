package dev.cairn.store.h2;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.store.tck.SqlStoreFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * H2 stores for the contract suites: an in-memory database of its own for each store name
 * ({@link #inMemory()}), or a file in a temporary folder, deleted after the test, for the suites that close
 * and open one database again ({@link #inFiles()}). Drift is written as another tool could, after dropping
 * the schema's checks on nodes and foreign keys on links.
 */
final class H2Fixture extends SqlStoreFixture {
    private final boolean inFiles;
    private final String test = UUID.randomUUID().toString();

    private H2Fixture(boolean inFiles) {
        this.inFiles = inFiles;
    }

    /** {@code h2:mem:}: gone when its last connection closes, so never reopened (H2 declares no capability). */
    static H2Fixture inMemory() {
        return new H2Fixture(false);
    }

    /** {@code h2:file:}, a file for each store name in a folder of the fixture's own. */
    static H2Fixture inFiles() {
        return new H2Fixture(true);
    }

    private String location(String name) {
        return inFiles ? "file:" + folder().resolve(name) : "mem:" + name + "-" + test;
    }

    @Override
    public String storeUrl(String name) {
        return "h2:" + location(name);
    }

    @Override
    protected Store open(String url) {
        return new H2StoreProvider().open(CairnConfig.of(url));
    }

    @Override
    public String jdbcUrl(String name) {
        return "jdbc:h2:" + location(name);
    }

    @Override
    public MigrationSet migrationSet() {
        return new H2MigrationSet();
    }

    @Override
    public String booleanText(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    @Override
    protected void allowDrift(Connection connection) throws SQLException {
        drop(connection, "CAIRN_NODES", "CHECK");
        drop(connection, "CAIRN_LINKS", "FOREIGN KEY");
    }

    private static void drop(Connection connection, String table, String type) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT CONSTRAINT_NAME FROM "
                + "INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = ? "
                + "AND CONSTRAINT_TYPE = ?")) {
            query.setString(1, table);
            query.setString(2, type);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String constraint : names) {
                statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + constraint + "\"");
            }
        }
    }
}
