package dev.cairn.store.postgres;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.DoctorContractTest;
import dev.cairn.test.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The doctor and traceability on a real PostgreSQL server, in a schema of its own for each test; drift
 * is written as another tool could, after dropping the schema's checks on nodes and foreign keys on links.
 */
class PostgresDoctorTest extends DoctorContractTest {
    private String schema;

    @Override
    protected Store createStore() {
        schema = PostgresServer.unusedSchema("doctor");
        return new PostgresStoreProvider().open(CairnConfig.of(PostgresServer.cairnUrl(schema)));
    }

    @Override
    protected Optional<RawDatabase> rawDatabase() {
        return Optional.of(new RawDatabase() {
            @Override
            public Connection connect() throws SQLException {
                return DriverManager.getConnection(PostgresServer.jdbcUrl(schema));
            }

            @Override
            public void allowDrift(Connection connection) throws SQLException {
                drop(connection, "cairn_nodes", "c");
                drop(connection, "cairn_links", "f");
            }
        });
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
