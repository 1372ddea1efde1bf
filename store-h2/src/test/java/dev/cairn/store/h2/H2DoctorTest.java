package dev.cairn.store.h2;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.DoctorContractTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The doctor and traceability on an in-memory H2 database; drift is written as another tool could,
 * after dropping the schema's checks on nodes and foreign keys on links.
 */
class H2DoctorTest extends DoctorContractTest {
    private final String name = "doctor-" + UUID.randomUUID();

    @Override
    protected Store createStore() {
        return new H2StoreProvider().open(CairnConfig.of("h2:mem:" + name));
    }

    @Override
    protected Optional<RawDatabase> rawDatabase() {
        return Optional.of(new RawDatabase() {
            @Override
            public Connection connect() throws SQLException {
                return DriverManager.getConnection("jdbc:h2:mem:" + name);
            }

            @Override
            public void allowDrift(Connection connection) throws SQLException {
                drop(connection, "CAIRN_NODES", "CHECK");
                drop(connection, "CAIRN_LINKS", "FOREIGN KEY");
            }
        });
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
