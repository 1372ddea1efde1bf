package dev.cairn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A DataSource with the location's migrations applied (placeholders filled), fresh for each test or shared by a
 * class, on SQLite and PostgreSQL, and removed afterwards.
 */
@Execution(ExecutionMode.SAME_THREAD)
class MigratedDataSourceTest {
    /** Where each sample's databases were, by sample class: a SQLite file or a PostgreSQL schema. */
    static final Map<Class<?>, Set<String>> PER_TEST = new ConcurrentHashMap<>();
    static final Map<Class<?>, Set<String>> PER_CLASS = new ConcurrentHashMap<>();

    @ExtendWith({SampleOnly.class, CairnExtension.class})
    abstract static class Sample {
        abstract DataSource perTest();

        abstract DataSource perClass();

        void work() throws SQLException {
            try (Connection connection = perTest().getConnection(); Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("SELECT name FROM person")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("Ada");
                    assertThat(rows.next()).as("the other tests' rows are not here").isFalse();
                }
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM cairn_schema_history")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(2);
                }
                statement.executeUpdate("INSERT INTO person (id, name) VALUES (2, 'Grace')");
                PER_TEST.computeIfAbsent(getClass(), ignored -> ConcurrentHashMap.newKeySet())
                        .add(where(connection));
            }
            try (Connection connection = perClass().getConnection()) {
                PER_CLASS.computeIfAbsent(getClass(), ignored -> ConcurrentHashMap.newKeySet())
                        .add(where(connection));
            }
        }

        @Test
        void one() throws SQLException {
            work();
        }

        @Test
        void two() throws SQLException {
            work();
        }

        @Test
        void three() throws SQLException {
            work();
        }
    }

    static class SqliteSample extends Sample {
        @MigratedDataSource(placeholders = "first_name=Ada")
        DataSource perTest;

        @MigratedDataSource(placeholders = "first_name=Ada")
        static DataSource perClass;

        @Override
        DataSource perTest() {
            return perTest;
        }

        @Override
        DataSource perClass() {
            return perClass;
        }
    }

    static class PostgresSample extends Sample {
        @MigratedDataSource(backend = Backend.POSTGRESQL, placeholders = "first_name=Ada")
        DataSource perTest;

        @MigratedDataSource(backend = Backend.POSTGRESQL, placeholders = "first_name=Ada", perClass = true)
        DataSource perClass;

        @Override
        DataSource perTest() {
            return perTest;
        }

        @Override
        DataSource perClass() {
            return perClass;
        }
    }

    /** A SQLite database's file, or a PostgreSQL connection's schema. */
    static String where(Connection connection) throws SQLException {
        String url = connection.getMetaData().getURL();
        return url.startsWith("jdbc:sqlite:") ? url.substring("jdbc:sqlite:".length()) : connection.getSchema();
    }

    @Test
    void sqliteDatabasesAreMigratedApartAndDeleted() {
        run(SqliteSample.class);
        assertThat(PER_TEST.get(SqliteSample.class)).hasSize(3);
        assertThat(PER_CLASS.get(SqliteSample.class)).hasSize(1);
        for (String file : union(SqliteSample.class)) {
            assertThat(Path.of(file)).doesNotExist();
            assertThat(Path.of(file).getParent()).doesNotExist();
        }
    }

    @Test
    void postgresSchemasAreMigratedApartAndDropped() throws SQLException {
        run(PostgresSample.class);
        assertThat(PER_TEST.get(PostgresSample.class)).hasSize(3);
        assertThat(PER_CLASS.get(PostgresSample.class)).hasSize(1);
        for (String schema : union(PostgresSample.class)) {
            assertThat(schema).startsWith("cairn_test_");
            assertThat(Samples.schemaExists(schema)).as(schema).isFalse();
        }
    }

    @Test
    void aPostgresStoreWithoutAServerSaysWhatToSet() {
        EngineExecutionResults results = Samples.run(ParallelIsolationTest.PostgresSample.class, Map.of());
        results.testEvents().assertStatistics(stats -> stats.failed(4));
        assertThat(results.testEvents().failed().stream()
                .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow().getMessage()))
                .allMatch(message -> message.contains(CairnExtension.POSTGRES_URL_PARAMETER));
    }

    private static Set<String> union(Class<?> sample) {
        Set<String> all = new java.util.HashSet<>(PER_TEST.get(sample));
        all.addAll(PER_CLASS.get(sample));
        return all;
    }

    private static void run(Class<?> sample) {
        EngineExecutionResults results = Samples.run(sample);
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3).failed(0));
    }
}
