package dev.cairn.migrations;

import java.nio.file.Path;

class SqliteFlywayConventionsTest extends AbstractFlywayConventionsTest {

    @Override
    Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    String freshDatabaseUrl(Path temp) {
        TestFiles.write(temp, ".keep", "");
        return "jdbc:sqlite:" + temp.resolve("service.db");
    }

    @Override
    String tablesQuery() {
        return "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'cairn_%'"
                + " AND name NOT LIKE 'flyway_%' ORDER BY name";
    }
}
