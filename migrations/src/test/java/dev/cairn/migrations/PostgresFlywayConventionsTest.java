package dev.cairn.migrations;

import dev.cairn.test.postgres.PostgresServer;
import java.nio.file.Path;

class PostgresFlywayConventionsTest extends AbstractFlywayConventionsTest {

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    String freshDatabaseUrl(Path temp) {
        return PostgresServer.jdbcUrl(PostgresServer.freshSchema("conventions"));
    }

    @Override
    String tablesQuery() {
        return "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_name NOT LIKE 'cairn_%' AND table_name NOT LIKE 'flyway_%' ORDER BY table_name";
    }
}
