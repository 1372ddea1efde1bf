package dev.cairn.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.Health;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.StoreException;
import dev.cairn.core.spi.StoreCapability;
import dev.cairn.test.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresStoreProviderTest {
    private static String query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }

    @Test
    void opensByUrlThroughTheServiceLoaderAndKeepsDataAcrossOpens() {
        String url = PostgresServer.cairnUrl(PostgresServer.unusedSchema("reopen"));
        try (Cairn cairn = Cairn.open(url)) {
            assertThat(cairn.backend()).isEqualTo("postgresql");
            assertThat(cairn.store().capabilities()).containsExactlyInAnyOrder(StoreCapability.PERSISTENT,
                    StoreCapability.MULTI_PROCESS, StoreCapability.COMMAND_RUNS);
            cairn.create(NodeDraft.of(Layer.GOAL, "Ship").id("GOAL-1"));
        }
        try (Cairn cairn = Cairn.open(url)) {
            assertThat(cairn.get("GOAL-1").title()).isEqualTo("Ship");
        }
    }

    @Test
    void createsTheSchemaWhenMissingAndRecordsItsVersionThere() throws SQLException {
        String schema = PostgresServer.unusedSchema("fresh");
        Cairn.open(PostgresServer.cairnUrl(schema)).close();

        assertThat(query("SELECT max(version) FROM " + schema + ".cairn_schema_history WHERE module = 'cairn'"))
                .isNotNull();
        assertThat(query("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema
                + "' AND table_name = 'cairn_nodes'")).isEqualTo("1");
    }

    @Test
    void twoSchemasOfOneDatabaseAreTwoSeparatePlans() {
        try (Cairn first = Cairn.open(PostgresServer.cairnUrl(PostgresServer.unusedSchema("tenant")));
             Cairn second = Cairn.open(PostgresServer.cairnUrl(PostgresServer.unusedSchema("tenant")))) {
            first.create(NodeDraft.of(Layer.GOAL, "First's").id("GOAL-1"));
            second.create(NodeDraft.of(Layer.GOAL, "Second's").id("GOAL-1"));

            assertThat(first.get("GOAL-1").title()).isEqualTo("First's");
            assertThat(second.find(NodeQuery.all())).extracting(node -> node.title()).containsExactly("Second's");
        }
    }

    @Test
    void usesTheCallersDataSourceInTheSchemaItNamesAndLeavesItOpen() throws SQLException {
        String schema = PostgresServer.unusedSchema("callers");
        var dataSource = PostgresServer.dataSource();
        CairnConfig config = CairnConfig.builder("postgresql:?schema=" + schema).dataSource(dataSource).build();
        try (Cairn cairn = Cairn.open(config)) {
            cairn.create(NodeDraft.of(Layer.GOAL, "Ship").id("GOAL-1"));
        }
        assertThat(query("SELECT title FROM " + schema + ".cairn_nodes")).isEqualTo("Ship");
        try (Connection stillUsable = dataSource.getConnection()) {
            assertThat(stillUsable.isValid(1)).isTrue();
        }
    }

    @Test
    void takesCredentialsFromPropertiesWhenTheUrlHasNone() {
        String jdbc = PostgresServer.jdbcUrl();
        String withoutUser = jdbc.substring("jdbc:".length()).replaceAll("[?&]user=[^&]*", "")
                .replaceAll("[?&]password=[^&]*", "");
        CairnConfig config = CairnConfig.builder(withoutUser + "?schema=" + PostgresServer.unusedSchema("props"))
                .property("user", "postgres")
                .build();
        try (Cairn cairn = Cairn.open(config)) {
            assertThat(cairn.count(NodeQuery.all())).isZero();
        }
    }

    @Test
    void aWrongPasswordFailsAtOnceNamingTheProblemWithThePasswordMasked() {
        String url = "postgresql://nobody:s3cret@" + hostAndPort() + "/postgres?connectTimeout=60000";
        long started = System.nanoTime();

        assertThatThrownBy(() -> Cairn.open(url))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("nobody:****@")
                .hasMessageNotContaining("s3cret")
                .hasMessageContaining("Check the user, password, database and SSL settings");
        assertThat(System.nanoTime() - started).isLessThan(30_000_000_000L);
    }

    @Test
    void aServerThatNeverAnswersFailsAfterConnectTimeoutNamingTheUrl() {
        // A port nothing listens on: every attempt is refused at once, so only the timeout ends the trying.
        assertThatThrownBy(() -> Cairn.open("postgresql://localhost:1/plan?connectTimeout=700"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Cannot connect to the PostgreSQL store postgresql://localhost:1/plan")
                .hasMessageContaining("attempt(s)")
                .hasMessageContaining("connectTimeout");
    }

    @Test
    void anInvalidUrlOrPropertyIsAConfigurationErrorNamingIt() {
        assertThatThrownBy(() -> Cairn.open("postgresql://localhost"))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("name one database");
        assertThatThrownBy(() -> Cairn.open("postgresql:plan"))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("name a server and a database");
        assertThatThrownBy(() -> Cairn.open("postgresql://localhost/plan?schema=a;drop"))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("Invalid schema = 'a;drop'");
        assertThatThrownBy(() -> Cairn.open("postgresql://localhost/plan?poolSize=0"))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("Invalid poolSize = '0'");
        assertThatThrownBy(() -> Cairn.open("postgresql://localhost/plan?connectTimeout=soon"))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("Invalid connectTimeout = 'soon'");
    }

    @Test
    void validateRefusesASchemaThatIsBehindAndOffLeavesItAlone() throws SQLException {
        String schema = PostgresServer.freshSchema("validate");
        assertThatThrownBy(() -> Cairn.open(PostgresServer.cairnUrl(schema) + "&migrate=validate"))
                .isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("is behind")
                .hasMessageContaining("V1__init.sql");
        Cairn.open(PostgresServer.cairnUrl(schema) + "&migrate=off").close();

        assertThat(query("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema + "'"))
                .isEqualTo("0");
    }

    @Test
    void healthReportsTheServerVersionTheSchemaVersionAndARoundTrip() {
        Cairn cairn = Cairn.open(PostgresServer.cairnUrl(PostgresServer.unusedSchema("health")));
        Health health = cairn.health();

        assertThat(health.up()).isTrue();
        assertThat(health.backend()).isEqualTo("postgresql");
        assertThat(health.serverVersion()).startsWith("PostgreSQL 16");
        assertThat(health.schemaVersions()).containsEntry("cairn",
                String.valueOf(new PostgresMigrationSet().migrations().size()));
        assertThat(health.latency()).isPositive();

        cairn.close();
        Health closed = cairn.health();
        assertThat(closed.up()).isFalse();
        assertThat(closed.problem()).contains("closed");
    }

    private static String hostAndPort() {
        String rest = PostgresServer.jdbcUrl().substring("jdbc:postgresql://".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    @Test
    void sslRequiredOfAServerWithoutSslFailsAtOnceInsteadOfWaitingForTheConnectTimeout() {
        // A failure worth waiting for would come after connectTimeout as a StoreException; this one cannot heal.
        String url = PostgresServer.cairnUrl(PostgresServer.unusedSchema("ssl")) + "&sslmode=require&connectTimeout=3000";
        assertThatThrownBy(() -> Cairn.open(url)).isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("SSL");
    }

    @Test
    void aDriverPropertyTheDriverWouldIgnoreIsRefusedByName() {
        String base = PostgresServer.cairnUrl(PostgresServer.unusedSchema("props"));
        assertThatThrownBy(() -> Cairn.open(base + "&sslMode=require")).isExactlyInstanceOf(
                StoreConfigurationException.class).hasMessageContaining("'sslMode'")
                .hasMessageContaining("the driver spells it 'sslmode'");
        assertThatThrownBy(() -> Cairn.open(base + "&applicationname=x")).hasMessageContaining("'ApplicationName'");
        assertThatThrownBy(() -> Cairn.open(base + "&shcema=x")).isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("Unknown property 'shcema'");
    }
}
