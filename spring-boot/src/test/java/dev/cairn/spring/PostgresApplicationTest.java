package dev.cairn.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import dev.cairn.spring.app.Http;
import dev.cairn.spring.app.ItemCatalog;
import dev.cairn.spring.app.TestApplication;
import dev.cairn.test.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real application on PostgreSQL, Cairn a guest on the application's own pool ({@code cairn.datasource=application})
 * with the plan in a schema of its own, and the application's tables migrated by Cairn's engine into the
 * application's schema before its beans start.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresApplicationTest {
    private static final int POOL_SIZE = 3;
    private static final String APP_SCHEMA = PostgresServer.freshSchema("boot_app");
    private static final String PLAN_SCHEMA = PostgresServer.freshSchema("boot_plan");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresServer.jdbcUrl(APP_SCHEMA));
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> POOL_SIZE);
        registry.add("cairn.datasource", () -> "application");
        registry.add("cairn.schema", () -> PLAN_SCHEMA);
        registry.add("cairn.migrations.locations", () -> "classpath:db/app");
        registry.add("cairn.migrations.placeholders.title", () -> "from a placeholder");
        registry.add("cairn.migrations.target", () -> "2");
        registry.add("management.endpoints.web.exposure.include", () -> "health,cairn");
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    @AfterAll
    static void dropSchemas() {
        PostgresServer.dropSchema(APP_SCHEMA);
        PostgresServer.dropSchema(PLAN_SCHEMA);
    }

    @LocalServerPort
    int port;

    @Autowired
    Cairn cairn;

    @Autowired
    ItemCatalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void cairnKeepsThePlanInItsSchemaOverTheApplicationsDataSource() {
        Node goal = cairn.create(NodeDraft.of(Layer.GOAL, "Ship the starter"));

        assertThat(cairn.backend()).isEqualTo("postgresql");
        assertThat(cairn.find(NodeQuery.layer(Layer.GOAL))).extracting(Node::id).contains(goal.id());
        assertThat(tables(PLAN_SCHEMA)).contains("cairn_schema_history").doesNotContain("items");
        assertThat(tables(APP_SCHEMA)).contains("items", "cairn_schema_history");
    }

    @Test
    void applicationMigrationsRanUpToTheTargetBeforeTheJdbcTemplateBeanWasMade() {
        assertThat(catalog.titlesAtStart()).containsExactly("from a placeholder");
    }

    @Test
    void applicationConnectionsStillUseTheApplicationsSchemaAfterCairnRan() throws SQLException {
        for (int i = 0; i < 2 * POOL_SIZE; i++) {
            cairn.create(NodeDraft.of(Layer.TASK, "Task " + i));
            cairn.count(NodeQuery.layer(Layer.TASK));
        }

        assertThat(catalog.titles()).containsExactly("from a placeholder");
        assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo(APP_SCHEMA);
        // Every connection of the pool at once: one left in Cairn's schema would show here.
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < POOL_SIZE; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection connection : held) {
                assertThat(connection.getSchema()).isEqualTo(APP_SCHEMA);
                assertThat(connection.getAutoCommit()).isTrue();
                try (Statement statement = connection.createStatement();
                     ResultSet path = statement.executeQuery("SHOW search_path")) {
                    path.next();
                    assertThat(path.getString(1)).doesNotContain(PLAN_SCHEMA);
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void healthEndpointReportsTheStoreOverHttp() {
        JsonNode health = Http.getJson(port, "/actuator/health/cairn");

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").path("backend").asText()).isEqualTo("postgresql");
        assertThat(health.path("details").path("serverVersion").asText()).contains("PostgreSQL");
        assertThat(health.path("details").path("schemaVersions").path("cairn").asText()).isNotBlank();
        assertThat(health.path("details").path("latencyMillis").isNumber()).isTrue();
    }

    @Test
    void cairnEndpointListsEachModulesMigrationsAndTheirStateOverHttp() {
        JsonNode migrators = Http.getJson(port, "/actuator/cairn").path("migrators");

        assertThat(SqliteApplicationTest.states(migrators.path("application").path("modules").path("application")))
                .containsExactly("1 APPLIED", "2 APPLIED", "3 ABOVE_TARGET");
        assertThat(SqliteApplicationTest.states(migrators.path("store").path("modules").path("cairn")))
                .isNotEmpty().allMatch(line -> line.endsWith(" APPLIED"));
        assertThat(migrators.path("store").path("target").asText()).contains(PLAN_SCHEMA);
    }

    private List<String> tables(String schema) {
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
                String.class, schema);
    }
}
