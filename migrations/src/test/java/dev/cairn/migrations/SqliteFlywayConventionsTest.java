package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SqliteFlywayConventionsTest extends AbstractFlywayConventionsTest {

    @Test
    void dryRunOfAFileThatDoesNotExistPrintsTheWholeScriptAndCreatesNoFile() {
        Path main = temp.resolve("main");
        TestFiles.write(main, "V1__items.sql", "CREATE TABLE items (id INTEGER);\n");
        Path file = temp.resolve("never.db");
        StringWriter out = new StringWriter();

        Migrator.builder().jdbcUrl("jdbc:sqlite:" + file).sets(MigrationSets.directory(main, "app", Dialect.SQLITE))
                .build().dryRun(out);

        assertThat(out.toString()).contains("CREATE TABLE items (id INTEGER);")
                .contains("CREATE TABLE IF NOT EXISTS cairn_schema_history");
        assertThat(Files.exists(file)).isFalse();
    }

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
