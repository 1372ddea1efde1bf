package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.test.postgres.PgBouncer;
import dev.cairn.test.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine behind a real PgBouncer in {@code pool_mode=transaction} ({@link Migrator.Builder#transactionPooling}):
 * migrators at once apply each migration exactly once, a migrator killed halfway leaves no lock behind, and a
 * migration that cannot run in a transaction is refused. Skipped without a {@code pgbouncer} binary, outside CI.
 */
class PgBouncerMigratorTest {
    private static PgBouncer bouncer;

    @TempDir
    Path temp;
    private Path folder;
    private String schema;

    @AfterAll
    static void stopProxy() {
        if (bouncer != null) {
            bouncer.close();
        }
    }

    /** Started by the first test, so that without the binary each test is skipped (or failed) with the reason. */
    @BeforeEach
    void freshSchema() {
        if (bouncer == null) {
            bouncer = PgBouncer.start();
        }
        folder = TestFiles.basicFolder(temp);
        // Slow enough that migrators started together really meet.
        TestFiles.write(folder, "V2.2__slow.sql", "SELECT pg_sleep(0.3);\nCREATE TABLE slow_notes (body TEXT);\n");
        TestFiles.write(folder, "V2.3__more.sql", "INSERT INTO slow_notes (body) VALUES ('once');\n");
        schema = PostgresServer.unusedSchema("pooled");
    }

    private Migrator.Builder pooled() {
        return Migrator.builder().jdbcUrl(bouncer.pooledJdbcUrl()).schema(schema).transactionPooling(true)
                .sets(MigrationSets.directory(folder, "app", Dialect.POSTGRESQL));
    }

    @Test
    void migratesThroughTheProxyAndASecondRunFindsNothingToDo() throws SQLException {
        assertThat(pooled().build().migrate().applied()).hasSize(5);
        assertThat(pooled().build().migrate().applied()).isEmpty();
        pooled().build().validate();
        assertThat(history()).hasSize(5).allMatch(row -> row.endsWith("|t"));
    }

    @Test
    void twoMigratorsAtOnceApplyEachMigrationOnce() throws Exception {
        migrateAtOnce(2);
    }

    @Test
    void fourMigratorsAtOnceApplyEachMigrationOnce() throws Exception {
        migrateAtOnce(4);
    }

    private void migrateAtOnce(int migrators) throws Exception {
        CyclicBarrier start = new CyclicBarrier(migrators);
        ExecutorService threads = Executors.newFixedThreadPool(migrators);
        try {
            List<Future<MigrateResult>> results = new ArrayList<>();
            for (int i = 0; i < migrators; i++) {
                results.add(threads.submit(() -> {
                    Migrator migrator = pooled().lockTimeout(Duration.ofSeconds(60)).build();
                    start.await(30, TimeUnit.SECONDS);
                    return migrator.migrate();
                }));
            }
            List<String> applied = new ArrayList<>();
            for (Future<MigrateResult> result : results) {
                result.get(120, TimeUnit.SECONDS).applied().forEach(migration -> applied.add(migration.script()));
            }
            assertThat(applied).containsExactlyInAnyOrder("V1__create_items.sql", "V2__create_tags.sql",
                    "V2.1__add_owner.sql", "V2.2__slow.sql", "V2.3__more.sql");
        } finally {
            threads.shutdownNow();
        }
        assertThat(history()).hasSize(5).allMatch(row -> row.endsWith("|t"));
        assertThat(query("SELECT count(*) FROM " + schema + ".slow_notes")).isEqualTo("1");
        assertThat(query("SELECT count(DISTINCT installed_rank) FROM " + schema + ".cairn_schema_history"))
                .isEqualTo("5");
    }

    @Test
    void aMigratorKilledHalfwayLeavesNothingThatBlocksTheNextRun() throws Exception {
        ChildProcess child = ChildProcess.startPooled(bouncer.pooledJdbcUrl(), folder, 120_000, schema);
        try {
            assertThat(child.awaitInMigration(60)).as("child output %s", child.output).isTrue();
            child.kill();
        } finally {
            child.kill();
        }

        MigrateResult rerun = Migrator.builder().jdbcUrl(bouncer.pooledJdbcUrl()).schema(schema)
                .transactionPooling(true).lockTimeout(Duration.ofSeconds(30))
                .sets(MigratorProcessMain.processSet(folder, Dialect.POSTGRESQL, 0)).build().migrate();

        assertThat(rerun.applied()).extracting(ExecutedMigration::script).containsExactly("SlowJavaMigration");
        assertThat(history()).hasSize(6).allMatch(row -> row.endsWith("|t"));
        assertThat(query("SELECT count(*) FROM " + schema + ".slow_things")).isEqualTo("1");
    }

    @Test
    void aMigratorWaitsForTheTransactionLockAtMostItsLockTimeout() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MigrationSet blocking = MigrationSet.of("app", Dialect.POSTGRESQL, List.of(
                SqlMigration.of("1", "create", "V1__create.sql", "CREATE TABLE notes (body VARCHAR(100));"),
                new BlockingMigration("2", started, release)));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<MigrateResult> first = thread.submit(() -> pooled().sets(blocking).build().migrate());
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

            MigrationLockTimeoutException failure = catchThrowableOfType(MigrationLockTimeoutException.class,
                    () -> pooled().sets(blocking).lockTimeout(Duration.ofMillis(400)).build().migrate());

            assertThat(failure).hasMessageContaining("within 400 ms").hasMessageContaining("transaction advisory lock");
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).applied()).hasSize(2);
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void aMigrationThatCannotRunInATransactionIsRefusedBeforeAnyIsApplied() throws SQLException {
        TestFiles.write(folder, "V3__index.sql", "CREATE INDEX CONCURRENTLY items_title ON items (title);\n");

        MigrationConfigurationException refusal = catchThrowableOfType(MigrationConfigurationException.class,
                () -> pooled().build().migrate());

        assertThat(refusal).hasMessageContaining("V3__index.sql").hasMessageContaining("transaction-pooling proxy")
                .hasMessageContaining("direct connection");
        assertThat(query("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema
                + "' AND table_name = 'items'")).isEqualTo("0");
    }

    @Test
    void aSessionLockTimeoutSaysThatAProxyMayHoldIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MigrationSet blocking = MigrationSet.of("app", Dialect.POSTGRESQL, List.of(
                new BlockingMigration("1", started, release)));
        PostgresServer.execute("CREATE SCHEMA " + schema + "; CREATE TABLE " + schema + ".notes (body TEXT)");
        Migrator.Builder direct = Migrator.builder().jdbcUrl(PostgresServer.jdbcUrl()).schema(schema).sets(blocking);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<MigrateResult> first = thread.submit(() -> direct.copy().build().migrate());
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

            MigrationLockTimeoutException failure = catchThrowableOfType(MigrationLockTimeoutException.class,
                    () -> direct.copy().lockTimeout(Duration.ofMillis(300)).build().migrate());

            assertThat(failure).hasMessageContaining("another migrator is running")
                    .hasMessageContaining("transaction-pooling proxy").hasMessageContaining("pooling=transaction");
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).applied()).hasSize(1);
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void withoutTransactionPoolingAPreparedStatementOfAnotherClientEndsInAnErrorNamingTheCause() throws SQLException {
        try (PgBouncer oneServerConnection = PgBouncer.start(1);
             Connection other = DriverManager.getConnection(oneServerConnection.jdbcUrl() + "&prepareThreshold=1");
             PreparedStatement prepared = other.prepareStatement("SELECT 1 WHERE ? = 1")) {
            // The other client's S_1 stays on the one server connection, which the migrator gets next.
            prepared.setInt(1, 1);
            prepared.executeQuery().close();

            MigrationException failure = catchThrowableOfType(MigrationException.class, () -> Migrator.builder()
                    .jdbcUrl(oneServerConnection.jdbcUrl() + "&prepareThreshold=1").schema(schema)
                    .sets(MigrationSets.directory(folder, "app", Dialect.POSTGRESQL)).build().migrate());

            assertThat(failure).hasMessageContaining("prepared statement")
                    .hasMessageContaining("transaction-pooling proxy")
                    .hasMessageContaining("transactionPooling(true)").hasMessageContaining("pooling=transaction");
        }
    }

    private List<String> history() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT version, script, success FROM " + schema
                     + ".cairn_schema_history ORDER BY installed_rank")) {
            while (result.next()) {
                rows.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getString(3));
            }
        }
        return rows;
    }

    private static String query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
