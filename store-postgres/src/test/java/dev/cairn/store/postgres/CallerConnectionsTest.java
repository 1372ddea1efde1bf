package dev.cairn.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.Migrator;
import dev.cairn.test.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A caller's connections are the caller's: after Cairn (the store, and the migration engine) used one and gave
 * it back, its search path, auto-commit mode, isolation level, read-only flag and client encoding are what they
 * were, and the application's own unqualified statements on it still reach the application's tables.
 */
class CallerConnectionsTest {
    /** What a connection's session looks like to the application. */
    record SessionState(String searchPath, boolean autoCommit, int isolation, boolean readOnly, String encoding) {
        static SessionState of(Connection connection) throws SQLException {
            return new SessionState(show(connection, "search_path"), connection.getAutoCommit(),
                    connection.getTransactionIsolation(), connection.isReadOnly(), show(connection, "client_encoding"));
        }

        private static String show(Connection connection, String setting) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SHOW " + setting)) {
                result.next();
                return result.getString(1);
            }
        }
    }

    /** An application table of one name in {@code public} and in the store's schema, each saying where it is. */
    private static String twinTables(String schema) {
        String table = "app_items_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PostgresServer.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        PostgresServer.execute("CREATE TABLE public." + table + " (place text); INSERT INTO public." + table
                + " VALUES ('public'); CREATE TABLE " + schema + "." + table + " (place text); INSERT INTO " + schema
                + "." + table + " VALUES ('" + schema + "')");
        return table;
    }

    private static String appQuery(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT place FROM " + table)) {
            result.next();
            String place = result.getString(1);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return place;
        }
    }

    private static SessionState stateOf(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            SessionState state = SessionState.of(connection);
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return state;
        }
    }

    private static HikariDataSource hikari(int size, boolean autoCommit) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(PostgresServer.jdbcUrl());
        config.setMaximumPoolSize(size);
        config.setAutoCommit(autoCommit);
        return new HikariDataSource(config);
    }

    /** What an application does with a store: open (migrating), write, read, a transaction, health, close. */
    private static void useStore(DataSource dataSource, String schema) {
        CairnConfig config = CairnConfig.builder("postgresql:?schema=" + schema).dataSource(dataSource).build();
        try (Cairn cairn = Cairn.open(config)) {
            String id = "GOAL-" + UUID.randomUUID().toString().substring(0, 8);
            cairn.create(NodeDraft.of(Layer.GOAL, "Ship").id(id));
            cairn.inTransaction(graph -> graph.create(NodeDraft.of(Layer.TASK, "Write")));
            assertThat(cairn.get(id).title()).isEqualTo("Ship");
            assertThat(cairn.find(NodeQuery.all())).isNotEmpty();
            assertThat(cairn.health().up()).isTrue();
        }
    }

    @Test
    void hikariAtItsDefaultsGetsEveryConnectionBackAsItLentIt() throws SQLException {
        String schema = PostgresServer.unusedSchema("host_hikari");
        try (HikariDataSource pool = new HikariDataSource(hikariDefaults())) {
            SessionState before = stateOf(pool);
            useStore(pool, schema);
            Migrator.builder().dialect(Dialect.POSTGRESQL).dataSource(pool).schema(schema)
                    .sets(new PostgresMigrationSet()).build().info();

            // Every connection the pool holds, each checked: Cairn may have used any of them.
            List<Connection> all = new ArrayList<>();
            try {
                for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                    Connection connection = pool.getConnection();
                    all.add(connection);
                    assertThat(SessionState.of(connection)).as("connection %d", i).isEqualTo(before);
                }
            } finally {
                for (Connection connection : all) {
                    connection.close();
                }
            }
        }
        assertThat(count("SELECT count(*) FROM " + schema + ".cairn_nodes")).isEqualTo(2);
    }

    private static HikariConfig hikariDefaults() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(PostgresServer.jdbcUrl());
        return config;
    }

    @Test
    void aPoolOfOneSharedWithTheApplicationKeepsTheApplicationsQueriesInItsOwnSchema() throws SQLException {
        String schema = PostgresServer.unusedSchema("host_one");
        String table = twinTables(schema);
        try (HikariDataSource pool = hikari(1, true)) {
            SessionState before = stateOf(pool);
            assertThat(appQuery(pool, table)).isEqualTo("public");

            useStore(pool, schema);
            assertThat(appQuery(pool, table)).isEqualTo("public");
            assertThat(stateOf(pool)).isEqualTo(before);

            useStore(pool, schema);
            assertThat(appQuery(pool, table)).isEqualTo("public");
            assertThat(stateOf(pool)).isEqualTo(before);
        }
    }

    @Test
    void aPoolLendingConnectionsWithAutoCommitOffGetsThemBackSo() throws SQLException {
        String schema = PostgresServer.unusedSchema("host_manual");
        String table = twinTables(schema);
        try (HikariDataSource pool = hikari(1, false)) {
            SessionState before = stateOf(pool);
            assertThat(before.autoCommit()).isFalse();

            useStore(pool, schema);

            assertThat(stateOf(pool)).isEqualTo(before);
            assertThat(appQuery(pool, table)).isEqualTo("public");
        }
    }

    @Test
    void theMigrationEngineGivesAPoolOfOneItsConnectionBackAsItCame() throws SQLException {
        String schema = PostgresServer.unusedSchema("host_migrator");
        String table = twinTables(schema);
        try (HikariDataSource pool = hikari(1, true)) {
            SessionState before = stateOf(pool);
            Migrator migrator = Migrator.builder().dialect(Dialect.POSTGRESQL).dataSource(pool).schema(schema)
                    .sets(new PostgresMigrationSet()).build();

            assertThat(migrator.migrate().applied()).isNotEmpty();
            assertThat(appQuery(pool, table)).isEqualTo("public");
            migrator.validate();
            migrator.info();
            assertThat(stateOf(pool)).isEqualTo(before);

            Migrator fromProvider = new PostgresStoreProvider().migrator(CairnConfig.builder("postgresql:?schema="
                    + schema).dataSource(pool).build()).sets(new PostgresMigrationSet()).build();
            assertThat(fromProvider.migrate().applied()).isEmpty();
            assertThat(stateOf(pool)).isEqualTo(before);
            assertThat(appQuery(pool, table)).isEqualTo("public");
        }
    }

    @Test
    void aPlainDataSourceGetsEveryConnectionClosedAndTheStoreStaysInItsSchema() throws SQLException {
        String schema = PostgresServer.unusedSchema("host_plain");
        String table = twinTables(schema);
        String application = "host-" + UUID.randomUUID();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(PostgresServer.jdbcUrl());
        dataSource.setApplicationName(application);

        useStore(dataSource, schema);

        assertThat(count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + application + "'"))
                .as("connections Cairn left open").isZero();
        assertThat(count("SELECT count(*) FROM " + schema + ".cairn_nodes")).isEqualTo(2);
        assertThat(appQuery(dataSource, table)).isEqualTo("public");
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = PostgresServer.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
