package dev.cairn.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.StoreException;
import dev.cairn.test.postgres.PgBouncer;
import dev.cairn.test.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The store behind a real PgBouncer in transaction mode, with and without {@code pooling=transaction}. */
class TransactionPoolingTest {

    @Test
    void storesInTwoSchemasShareTheProxysServerConnectionsAndEachWritesOnlyItsOwn() throws Exception {
        String first = PostgresServer.unusedSchema("pooled_a");
        String second = PostgresServer.unusedSchema("pooled_b");
        try (PgBouncer bouncer = PgBouncer.start(2);
             Cairn a = Cairn.open(bouncer.cairnUrl(first));
             Cairn b = Cairn.open(bouncer.cairnUrl(second))) {
            ExecutorService threads = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> writes = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    int index = i;
                    Cairn cairn = i % 2 == 0 ? a : b;
                    writes.add(threads.submit(() -> {
                        cairn.create(NodeDraft.of(Layer.TASK, "Task " + index).id("TSK-" + index));
                        return cairn.get("TSK-" + index).title();
                    }));
                }
                for (Future<?> write : writes) {
                    write.get();
                }
            } finally {
                threads.shutdown();
            }
            assertThat(a.find(NodeQuery.all())).hasSize(15).allMatch(node -> Integer.parseInt(
                    node.id().substring(4)) % 2 == 0);
            assertThat(b.find(NodeQuery.all())).hasSize(15);
            assertThat(a.health().up()).isTrue();
        }
        assertThat(count("SELECT count(*) FROM " + first + ".cairn_nodes")).isEqualTo(15);
        assertThat(count("SELECT count(*) FROM " + second + ".cairn_nodes")).isEqualTo(15);
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_name = 'cairn_nodes'")).isZero();
    }

    @Test
    void withoutThePropertyThePreparedStatementsOfTwoClientsCollideAndTheErrorNamesTheProperty() {
        String schema = PostgresServer.unusedSchema("unpooled");
        // Made directly first: the point is the store's statements, not its migrations.
        Cairn.open(PostgresServer.cairnUrl(schema)).close();
        try (PgBouncer bouncer = PgBouncer.start(1)) {
            String url = bouncer.jdbcUrl().substring("jdbc:".length()) + "&schema=" + schema + "&poolSize=1";
            try (Cairn a = Cairn.open(url); Cairn b = Cairn.open(url)) {
                a.create(NodeDraft.of(Layer.GOAL, "Ship").id("GOAL-1"));
                assertThatThrownBy(() -> {
                    // Past pgjdbc's prepareThreshold (5) each client prepares S_1 ... on the one server connection.
                    for (int i = 0; i < 20; i++) {
                        a.get("GOAL-1");
                        b.get("GOAL-1");
                    }
                }).isInstanceOf(StoreException.class)
                        .hasMessageContaining("prepared statement")
                        .hasMessageContaining("transaction-pooling proxy")
                        .hasMessageContaining("pooling=transaction");
            }
        }
    }

    @Test
    void aCallersDataSourceThroughTheProxyMustNotPrepareOnTheServerAndIsUsedWhenItDoesNot() throws SQLException {
        String schema = PostgresServer.unusedSchema("pooled_callers");
        try (PgBouncer bouncer = PgBouncer.start(2)) {
            PGSimpleDataSource preparing = new PGSimpleDataSource();
            preparing.setURL(bouncer.jdbcUrl());
            assertThatThrownBy(() -> Cairn.open(CairnConfig.builder("postgresql:?schema=" + schema
                    + "&pooling=transaction").dataSource(preparing).build()))
                    .isInstanceOf(StoreConfigurationException.class)
                    .hasMessageContaining("prepareThreshold=5").hasMessageContaining("prepareThreshold=0");

            PGSimpleDataSource unprepared = new PGSimpleDataSource();
            unprepared.setURL(bouncer.pooledJdbcUrl());
            try (Cairn cairn = Cairn.open(CairnConfig.builder("postgresql:?schema=" + schema
                    + "&pooling=transaction").dataSource(unprepared).build())) {
                for (int i = 0; i < 20; i++) {
                    cairn.create(NodeDraft.of(Layer.TASK, "Task " + i));
                }
                assertThat(cairn.find(NodeQuery.all())).hasSize(20);
            }
        }
        assertThat(count("SELECT count(*) FROM " + schema + ".cairn_nodes")).isEqualTo(20);
    }

    @Test
    void anUnknownPoolingValueIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> Cairn.open(PostgresServer.cairnUrl("x") + "&pooling=statement"))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("Invalid pooling = 'statement'")
                .hasMessageContaining("session")
                .hasMessageContaining("transaction");
        assertThatThrownBy(() -> new PostgresStoreProvider().migrator(CairnConfig.of(PostgresServer.cairnUrl("x")
                + "&pooling=tx"))).isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("Invalid pooling = 'tx'");
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
