package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.test.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn migrate --schemas} on a real PostgreSQL server: one started from Maven Central binaries, or the one
 * {@code CAIRN_TEST_PG_URL} names.
 */
final class PostgresMigrateTest {
    @TempDir
    Path folder;

    private final List<String> schemas = List.of(PostgresServer.unusedSchema("cli_a"),
            PostgresServer.unusedSchema("cli_b"));

    @AfterEach
    void dropSchemas() {
        schemas.forEach(PostgresServer::dropSchema);
    }

    @Test
    void migratesEachSchemaOfTheDatabaseAndMasksThePassword() throws IOException {
        String url = PostgresServer.jdbcUrl().substring("jdbc:".length());
        Cli.Result up = new Cli(folder).run("--url", url, "migrate", "up", "--schemas", String.join(",", schemas),
                "--format", "json");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(up.out());
        assertThat(results).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(results.get(i).get("target").asText()).endsWith(" schema " + schemas.get(i));
            assertThat(results.get(i).get("applied")).hasSize(2);
        }
        if (url.contains("password=")) {
            assertThat(up.out()).contains("password=****");
        }
        String store = url + (url.contains("?") ? "&" : "?") + "schema=" + schemas.get(1) + "&migrate=validate";
        Cli.Result add = new Cli(folder).run("--url", store, "add", "goal", "Tenant B");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        Cli.Result info = new Cli(folder).run("--url", store, "migrate", "info");
        assertThat(info.exitCode()).as(info.toString()).isZero();
        assertThat(info.out()).contains("cairn         2  command runs  applied");
    }
}
