package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.test.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many times the engine waits for the PostgreSQL server, counted exactly: each wait is one Sync message of the
 * driver, which pgjdbc logs at FINEST. Fewer round trips, the same history and the same schema.
 */
class PostgresRoundTripsTest {
    @TempDir
    Path temp;

    private final Logger driverLog = Logger.getLogger("org.postgresql");
    private final AtomicInteger syncs = new AtomicInteger();
    private final long thread = Thread.currentThread().getId();
    private final Handler counter = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLongThreadID() == thread && String.valueOf(record.getMessage()).startsWith(" FE=> Sync")) {
                syncs.incrementAndGet();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level levelBefore;
    private String schema;

    @BeforeEach
    void countSyncs() {
        schema = PostgresServer.freshSchema("roundtrips");
        levelBefore = driverLog.getLevel();
        counter.setLevel(Level.ALL);
        driverLog.addHandler(counter);
    }

    @AfterEach
    void stopCounting() {
        driverLog.removeHandler(counter);
        driverLog.setLevel(levelBefore);
        PostgresServer.dropSchema(schema);
    }

    private Migrator migrator(String url, Path folder) {
        return Migrator.builder().jdbcUrl(url).schema(schema)
                .sets(MigrationSets.directory(folder, "app", Dialect.POSTGRESQL)).build();
    }

    private Path folder(String name, int migrations) {
        Path folder = temp.resolve(name);
        for (int version = 1; version <= migrations; version++) {
            TestFiles.write(folder, "V" + version + "__table_" + version + ".sql",
                    "CREATE TABLE table_" + version + " (id integer);\n");
        }
        return folder;
    }

    /** The round trips of one migrate. */
    private int roundTrips(Migrator migrator) {
        driverLog.setLevel(Level.FINEST);
        syncs.set(0);
        try {
            migrator.migrate();
            return syncs.get();
        } finally {
            driverLog.setLevel(levelBefore);
        }
    }

    @Test
    void anUpToDateRunWaitsForTheServerFiveTimes() {
        Path folder = folder("db", 3);
        migrator(PostgresServer.jdbcUrl(), folder).migrate();

        // Session setting, lock, one query for schema, search path and history table, the history, unlock.
        assertThat(roundTrips(migrator(PostgresServer.jdbcUrl(), folder))).isEqualTo(5);
    }

    @Test
    void eachMigrationCostsItsStatementsAndOneRoundTripForSearchPathHistoryAndCommit() {
        int ten = roundTrips(migrator(PostgresServer.jdbcUrl(), folder("ten", 10)));
        PostgresServer.dropSchema(schema);
        PostgresServer.execute("CREATE SCHEMA " + schema);
        int twenty = roundTrips(migrator(PostgresServer.jdbcUrl(), folder("twenty", 20)));

        assertThat((twenty - ten) / 10.0).isEqualTo(2.0);
        // Setting, lock, the session query, the Flyway table looked for, the history table made, unlock.
        assertThat(ten - 10 * 2).isEqualTo(6);
    }

    @Test
    void withTheDriversAutosaveTheHistoryIsWrittenOneStatementAtATimeAndTheSearchPathStillRestored()
            throws SQLException {
        Path folder = temp.resolve("dump");
        TestFiles.write(folder, "V1__dump.sql", """
                SELECT pg_catalog.set_config('search_path', '', false);
                CREATE TABLE ${schema}.dumped (id integer);
                """);
        TestFiles.write(folder, "V2__plain.sql", "CREATE TABLE after_dump (id integer);\n");
        String autosave = PostgresServer.jdbcUrl() + (PostgresServer.jdbcUrl().contains("?") ? "&" : "?")
                + "autosave=always";

        migrator(autosave, folder).migrate();

        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl(schema))) {
            assertThat(Snapshots.rows(connection, "SELECT version, success FROM cairn_schema_history"
                    + " ORDER BY installed_rank")).containsExactly("1|t", "2|t");
            assertThat(Snapshots.rows(connection, "SELECT relname FROM pg_class WHERE relnamespace = '" + schema
                    + "'::regnamespace AND relkind = 'r' ORDER BY relname"))
                    .containsExactly("after_dump", "cairn_schema_history", "dumped");
        }
        assertThat(migrator(autosave, folder).info()).extracting(MigrationInfo::state)
                .containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
    }

    @Test
    void aSchemaWhoseNameNeedsQuotesIsMadeCurrentAndGivenBackAfterEachMigration() throws SQLException {
        String mixed = "Round_" + schema;
        Path folder = temp.resolve("mixed");
        TestFiles.write(folder, "V1__first.sql", "CREATE TABLE first (id integer);\n");
        TestFiles.write(folder, "V2__elsewhere.sql", "SET search_path TO public;\n"
                + "CREATE TEMPORARY TABLE scratch (id integer);\n");
        TestFiles.write(folder, "V3__third.sql", "CREATE TABLE third (id integer);\n");
        Migrator migrator = Migrator.builder().jdbcUrl(PostgresServer.jdbcUrl()).schema(mixed)
                .sets(MigrationSets.directory(folder, "app", Dialect.POSTGRESQL)).build();
        try {
            migrator.migrate();

            try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl())) {
                assertThat(Snapshots.rows(connection, "SELECT n.nspname || '.' || c.relname FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" + mixed + "'"
                        + " AND c.relkind = 'r' ORDER BY c.relname"))
                        .containsExactly(mixed + ".cairn_schema_history", mixed + ".first", mixed + ".third");
            }
            assertThat(migrator.info()).extracting(MigrationInfo::state).containsOnly(MigrationState.APPLIED);
            assertThat(migrator.migrate().applied()).isEmpty();
        } finally {
            PostgresServer.execute("DROP SCHEMA IF EXISTS \"" + mixed + "\" CASCADE");
        }
    }

    @Test
    void infoOnAMissingSchemaCreatesNothing() throws SQLException {
        String missing = PostgresServer.unusedSchema("roundtrips_missing");
        Migrator migrator = Migrator.builder().jdbcUrl(PostgresServer.jdbcUrl()).schema(missing)
                .sets(MigrationSets.directory(folder("db", 2), "app", Dialect.POSTGRESQL)).build();

        assertThat(migrator.info()).extracting(MigrationInfo::state).containsOnly(MigrationState.PENDING);

        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl())) {
            assertThat(Snapshots.rows(connection, "SELECT count(*) FROM pg_namespace WHERE nspname = '" + missing
                    + "'")).isEqualTo(List.of("0"));
        }
    }
}
