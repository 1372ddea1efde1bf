package dev.cairn.store.postgres;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.Migrator;
import dev.cairn.store.tck.SqlStoreFixture;
import dev.cairn.test.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL stores for the contract suites, on a real server (embedded binaries, or the one named by
 * {@code CAIRN_TEST_PG_URL}): a schema of its own for each store name, not created, since the store and the
 * migrator create their schema when they first open it, and left behind, as the suites always left them (the
 * embedded server's files are temporary). Drift is written as another tool could, after dropping the schema's
 * checks on nodes and foreign keys on links.
 */
class PostgresFixture extends SqlStoreFixture {
    private final Map<String, String> schemas = new HashMap<>();

    private String schema(String name) {
        return schemas.computeIfAbsent(name, key -> PostgresServer.unusedSchema("tck_" + key));
    }

    /** The schema of the store called {@code name}, for fixtures that reach the same server another way. */
    final String schemaOf(String name) {
        return schema(name);
    }

    @Override
    public String storeUrl(String name) {
        return PostgresServer.cairnUrl(schema(name));
    }

    @Override
    protected Store open(String url) {
        return new PostgresStoreProvider().open(CairnConfig.of(url));
    }

    @Override
    public String jdbcUrl(String name) {
        return PostgresServer.jdbcUrl(schema(name));
    }

    @Override
    public Migrator.Builder migrator(String name) {
        return super.migrator(name).schema(schema(name));
    }

    @Override
    public MigrationSet migrationSet() {
        return new PostgresMigrationSet();
    }

    @Override
    public String booleanText(boolean value) {
        return value ? "true" : "false";
    }

    @Override
    protected void allowDrift(Connection connection) throws SQLException {
        drop(connection, "cairn_nodes", "c");
        drop(connection, "cairn_links", "f");
    }

    /** Drops the constraints of {@code type} (pg_constraint.contype) on {@code table} of the test's schema. */
    private static void drop(Connection connection, String table, String type) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT conname FROM pg_constraint WHERE conrelid = '"
                     + table + "'::regclass AND contype = '" + type + "'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String constraint : names) {
                statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + constraint + "\"");
            }
        }
    }
}
