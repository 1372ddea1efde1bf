package dev.cairn.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.StoreException;
import dev.cairn.test.logging.CapturedLogs;
import dev.cairn.test.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.event.Level;

/** What a PostgreSQL store logs: open, migrations, close, retries and reconnects, and never its password. */
class PostgresLoggingTest {
    private static final String SECRET = "s3cret-Pw";

    private static String hostAndPort() {
        String rest = PostgresServer.jdbcUrl().substring("jdbc:postgresql://".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    @Test
    void openingMigratesWithOneInfoLineAMigrationAndClosingSaysSoWithThePasswordMasked() {
        String schema = PostgresServer.unusedSchema("logging");
        String url = "postgresql://postgres:" + SECRET + "@" + hostAndPort() + "/postgres?schema=" + schema;
        CapturedLogs.Capture capture = CapturedLogs.start();

        Cairn.open(url).close();

        assertThat(capture.events("dev.cairn")).extracting(CapturedLogs.Event::message)
                .anySatisfy(line -> assertThat(line).matches("Applied migration cairn 1 \\(init\\) to .* in \\d+ ms"))
                .anySatisfy(line -> assertThat(line).startsWith("Opened the postgresql store postgresql://postgres:****@"))
                .anySatisfy(line -> assertThat(line).startsWith("Closed the postgresql store postgresql://postgres:****@"));
        assertThat(capture.text("dev.cairn")).doesNotContain(SECRET);
    }

    @Test
    void aDataSourceWithAPasswordIsLoggedWithoutIt() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(PostgresServer.jdbcUrl() + "&password=" + SECRET);
        dataSource.setPassword(SECRET);
        CairnConfig config = CairnConfig.builder("postgresql:?schema=" + PostgresServer.unusedSchema("logging"))
                .dataSource(dataSource).build();
        CapturedLogs.Capture capture = CapturedLogs.start();

        try (AutoCloseable debug = CapturedLogs.atLevel(Level.DEBUG); Cairn cairn = Cairn.open(config)) {
            cairn.create(NodeDraft.of(Layer.GOAL, "Ship").id("GOAL-1"));
        }

        assertThat(capture.events("dev.cairn")).extracting(CapturedLogs.Event::message)
                .anySatisfy(line -> assertThat(line).contains("Applied migration cairn 1 (init) to jdbc:postgresql:"));
        assertThat(capture.text("dev.cairn")).doesNotContain(SECRET);
    }

    @Test
    void firstConnectionRetriesAreLoggedWithThePasswordMasked() {
        // A port nothing listens on: every attempt is refused at once, until the timeout.
        String url = "postgresql://app:" + SECRET + "@localhost:1/plan?connectTimeout=700";
        CapturedLogs.Capture capture = CapturedLogs.start();

        assertThatThrownBy(() -> Cairn.open(url)).isInstanceOf(StoreException.class)
                .hasMessageNotContaining(SECRET);

        assertThat(capture.events("dev.cairn")).anySatisfy(event -> {
            assertThat(event.level()).isEqualTo(Level.INFO);
            assertThat(event.message()).startsWith("Cannot connect to the PostgreSQL store "
                    + "postgresql://app:****@localhost:1/plan?connectTimeout=700 yet");
        });
        assertThat(capture.text("dev.cairn")).doesNotContain(SECRET);
    }

    @Test
    void aUnitOfWorkWhoseConnectionIsLostIsRunAgainWithAWarning() throws Exception {
        String url = PostgresServer.cairnUrl(PostgresServer.unusedSchema("logging"))
                + "&ApplicationName=cairn-logging-lost";
        AtomicInteger attempts = new AtomicInteger();
        try (Cairn cairn = Cairn.open(url); Connection admin = DriverManager.getConnection(PostgresServer.jdbcUrl())) {
            CapturedLogs.Capture capture = CapturedLogs.start();
            cairn.inTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.GOAL, "Ship").id("GOAL-" + attempts.incrementAndGet()));
                if (attempts.get() == 1) {
                    try (Statement statement = admin.createStatement()) {
                        statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                + " WHERE application_name = 'cairn-logging-lost'");
                    } catch (SQLException failure) {
                        throw new IllegalStateException(failure);
                    }
                    graph.create(NodeDraft.of(Layer.TASK, "After").id("TSK-1").parents("GOAL-1"));
                }
                return null;
            });

            assertThat(attempts).hasValue(2);
            assertThat(capture.events("dev.cairn")).anySatisfy(event -> {
                assertThat(event.level()).isEqualTo(Level.WARN);
                assertThat(event.message()).startsWith("Lost the connection to the postgresql store")
                        .contains("running it again on a new connection");
            });
        }
    }
}
