package dev.cairn.store.sqlite;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.DoctorContractTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor and traceability on a SQLite file; drift is written as another tool could, on a
 * connection of its own that ignores the schema's checks and foreign keys.
 */
class SqliteDoctorTest extends DoctorContractTest {
    @TempDir
    Path folder;

    @Override
    protected Store createStore() {
        return new SqliteStoreProvider().open(CairnConfig.of("sqlite:" + file()));
    }

    @Override
    protected Optional<RawDatabase> rawDatabase() {
        return Optional.of(new RawDatabase() {
            @Override
            public Connection connect() throws SQLException {
                return DriverManager.getConnection("jdbc:sqlite:" + file());
            }

            @Override
            public void allowDrift(Connection connection) throws SQLException {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA ignore_check_constraints = ON");
                    statement.execute("PRAGMA foreign_keys = OFF");
                }
            }
        });
    }

    private Path file() {
        return folder.resolve("plan.db");
    }
}
