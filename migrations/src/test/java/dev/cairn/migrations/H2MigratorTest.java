package dev.cairn.migrations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

class H2MigratorTest extends AbstractMigratorTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    String freshDatabaseUrl(Path temp) {
        return "jdbc:h2:mem:migrator" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    String processUrl(Path temp) {
        return "jdbc:h2:file:" + temp.resolve("h2-processes") + ";AUTO_SERVER=TRUE";
    }

    @Override
    boolean transactionalDdl() {
        return false;
    }

    @Override
    List<String> snapshot(Connection connection) throws SQLException {
        return Snapshots.of(connection, "SELECT table_name, column_name, data_type FROM information_schema.columns"
                        + " WHERE table_schema = SCHEMA()",
                "SELECT table_name FROM information_schema.tables WHERE table_schema = SCHEMA()");
    }

    @Override
    String trueValue() {
        return "TRUE";
    }

    @Override
    String falseValue() {
        return "FALSE";
    }
}
