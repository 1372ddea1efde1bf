package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.test.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL migration that cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY}) and is stopped
 * halfway: recorded as started before it runs, reported by info and validate with the INVALID index it left and
 * the statements that clear it, and run again by the next migrate when the file says that is safe.
 */
final class PostgresInterruptedMigrationTest {
    @TempDir
    Path folder;

    private String schema;
    private String url;

    @BeforeEach
    void orders() throws IOException {
        schema = PostgresServer.freshSchema("interrupted");
        url = PostgresServer.jdbcUrl(schema);
        Files.writeString(folder.resolve("V1__orders.sql"), """
                CREATE TABLE orders (id INTEGER PRIMARY KEY, customer INTEGER NOT NULL);
                INSERT INTO orders SELECT n, n % 100 FROM generate_series(1, 1000) AS n;
                """);
    }

    @AfterEach
    void drop() {
        PostgresServer.dropSchema(schema);
    }

    private Migrator migrator() {
        return Migrator.builder().jdbcUrl(url).backupPolicy(BackupPolicy.off())
                .sets(MigrationSets.directory(folder, "app", Dialect.POSTGRESQL)).build();
    }

    @Test
    void aConcurrentIndexKilledHalfwayIsReportedWithTheIndexItLeftAndHowToClearIt() throws Exception {
        Migrator.builder().jdbcUrl(url).sets(MigrationSets.directory(folder, "app", Dialect.POSTGRESQL))
                .target("app", "1").build().migrate();
        Files.writeString(folder.resolve("V2__orders_by_customer.sql"),
                "CREATE INDEX CONCURRENTLY orders_by_customer ON orders (customer);\n");
        try (Connection blocker = DriverManager.getConnection(url)) {
            // An open writing transaction: the concurrent build waits for it, with its INVALID index committed.
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("INSERT INTO orders VALUES (100000, 1)");
            }
            Process child = FolderMigratorMain.start(url, folder, Dialect.POSTGRESQL, false);
            try {
                awaitInvalidIndex("orders_by_customer");
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            // The server would notice the lost client at its next check; stop the statement now, as it would.
            execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE query LIKE 'CREATE INDEX CONCURRENTLY orders_by_customer%'");
            blocker.rollback();
        }

        assertThat(migrator().info()).filteredOn(info -> info.version().toString().equals("2"))
                .extracting(MigrationInfo::state).containsExactly(MigrationState.FAILED);
        assertThatThrownBy(() -> migrator().validate()).isInstanceOf(MigrationValidationException.class)
                .hasMessageContaining("V2__orders_by_customer.sql")
                .hasMessageContaining("INVALID index " + schema + ".orders_by_customer")
                .hasMessageContaining("DROP INDEX CONCURRENTLY IF EXISTS \"" + schema + "\".\"orders_by_customer\";")
                .hasMessageContaining("repair")
                .hasMessageContaining("-- cairn:retryable");
        assertThatThrownBy(() -> migrator().migrate()).isInstanceOf(MigrationValidationException.class)
                .hasMessageContaining("INVALID index " + schema + ".orders_by_customer");

        execute("DROP INDEX CONCURRENTLY \"" + schema + "\".orders_by_customer");
        migrator().repair();
        assertThat(migrator().migrate().applied()).extracting(ExecutedMigration::script)
                .containsExactly("V2__orders_by_customer.sql");
        assertThat(validIndexes()).contains("orders_by_customer");
    }

    @Test
    void aRetryableConcurrentIndexThatFailedIsDroppedAndBuiltAgainByTheNextMigrate() throws Exception {
        Files.writeString(folder.resolve("V2__customer_once.sql"), """
                -- cairn:retryable
                CREATE UNIQUE INDEX CONCURRENTLY customer_once ON orders (customer);
                """);
        assertThatThrownBy(() -> migrator().migrate()).isInstanceOf(MigrationFailedException.class);
        assertThat(invalidIndexes()).containsExactly("customer_once");

        execute("DELETE FROM \"" + schema + "\".orders WHERE id > 100");
        MigrateResult retried = migrator().migrate();

        assertThat(retried.applied()).extracting(ExecutedMigration::script).containsExactly("V2__customer_once.sql");
        assertThat(invalidIndexes()).isEmpty();
        assertThat(validIndexes()).contains("customer_once");
        assertThat(migrator().info()).filteredOn(info -> info.version().toString().equals("2"))
                .extracting(MigrationInfo::state).containsExactly(MigrationState.APPLIED);
        migrator().validate();
    }

    private void awaitInvalidIndex(String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!invalidIndexes().contains(name)) {
            assertThat(System.nanoTime()).as("the concurrent build started within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private List<String> invalidIndexes() throws SQLException {
        return indexes(false);
    }

    private List<String> validIndexes() throws SQLException {
        return indexes(true);
    }

    private List<String> indexes(boolean valid) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.relname FROM pg_index i"
                     + " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE n.nspname = '" + schema + "' AND i.indisvalid = " + valid + " ORDER BY 1")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
