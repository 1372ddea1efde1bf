package dev.cairn.migrations;

import dev.cairn.test.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

class PostgresMigratorTest extends AbstractMigratorTest {

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    String freshDatabaseUrl(Path temp) {
        return PostgresServer.jdbcUrl(PostgresServer.freshSchema("contract"));
    }

    @Override
    boolean transactionalDdl() {
        return true;
    }

    @Override
    List<String> snapshot(Connection connection) throws SQLException {
        List<String> lines = new java.util.ArrayList<>(Snapshots.of(connection,
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
                        + " WHERE table_schema = current_schema()",
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"));
        lines.addAll(Snapshots.rows(connection,
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"));
        return lines;
    }

    @Override
    String trueValue() {
        return "t";
    }

    @Override
    String falseValue() {
        return "f";
    }
}
