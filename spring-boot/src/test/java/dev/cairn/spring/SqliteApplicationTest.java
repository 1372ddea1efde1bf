package dev.cairn.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Cairn;
import dev.cairn.core.Event;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import dev.cairn.spring.app.Http;
import dev.cairn.spring.app.ItemCatalog;
import dev.cairn.spring.app.TestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real application on SQLite: the plan in a store of its own ({@code cairn.url}), the application's tables in
 * its own file, migrated by Cairn's engine from {@code classpath:db/app} up to a target, before its beans start.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SqliteApplicationTest {
    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + folder.resolve("app.db"));
        registry.add("cairn.url", () -> "sqlite:" + folder.resolve("plan/plan.db"));
        registry.add("cairn.actor", () -> "tester");
        registry.add("cairn.migrations.locations", () -> "classpath:db/app");
        registry.add("cairn.migrations.placeholders.title", () -> "from a placeholder");
        registry.add("cairn.migrations.target", () -> "2");
        registry.add("management.endpoints.web.exposure.include", () -> "health,cairn");
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    @LocalServerPort
    int port;

    @Autowired
    Cairn cairn;

    @Autowired
    ItemCatalog catalog;

    @Test
    void cairnBeanKeepsThePlanInTheStoreTheUrlNames() {
        Node goal = cairn.create(NodeDraft.of(Layer.GOAL, "Ship the starter"));

        assertThat(cairn.backend()).isEqualTo("sqlite");
        assertThat(Files.exists(folder.resolve("plan/plan.db"))).isTrue();
        assertThat(cairn.find(NodeQuery.layer(Layer.GOAL))).extracting(Node::id).contains(goal.id());
        assertThat(cairn.get(goal.id()).title()).isEqualTo("Ship the starter");
        assertThat(cairn.history(goal.id())).extracting(Event::actor).containsOnly("tester");
    }

    @Test
    void applicationMigrationsRanUpToTheTargetBeforeTheJdbcTemplateBeanWasMade() {
        assertThat(catalog.titlesAtStart()).containsExactly("from a placeholder");
        assertThat(catalog.titles()).containsExactly("from a placeholder");
    }

    @Test
    void healthEndpointReportsTheStoreOverHttp() {
        JsonNode health = Http.getJson(port, "/actuator/health/cairn");

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").path("backend").asText()).isEqualTo("sqlite");
        assertThat(health.path("details").path("schemaVersions").path("cairn").asText()).isNotBlank();
        assertThat(health.path("details").path("latencyMillis").isNumber()).isTrue();
        assertThat(health.path("details").path("serverVersion").asText()).containsIgnoringCase("sqlite");
    }

    @Test
    void cairnEndpointListsEachModulesMigrationsAndTheirStateOverHttp() {
        JsonNode migrators = Http.getJson(port, "/actuator/cairn").path("migrators");

        List<String> application = states(migrators.path("application").path("modules").path("application"));
        assertThat(application).containsExactly("1 APPLIED", "2 APPLIED", "3 ABOVE_TARGET");
        assertThat(migrators.path("application").path("target").asText()).contains("HikariDataSource");
        List<String> store = states(migrators.path("store").path("modules").path("cairn"));
        assertThat(store).isNotEmpty().allMatch(line -> line.endsWith(" APPLIED"));
        assertThat(migrators.path("store").path("target").asText()).contains("plan.db");
    }

    static List<String> states(JsonNode migrations) {
        List<String> lines = new ArrayList<>();
        migrations.forEach(migration -> lines.add(migration.path("version").asText() + " "
                + migration.path("state").asText()));
        return lines;
    }
}
