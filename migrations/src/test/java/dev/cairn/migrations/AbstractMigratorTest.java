package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every dialect must show. Subclasses supply a fresh database per test and declare whether
 * their DDL is transactional.
 */
abstract class AbstractMigratorTest {
    @TempDir
    Path temp;

    String url;
    Path folder;

    /** The dialect under test. */
    abstract Dialect dialect();

    /** A JDBC URL of a new, empty database (or schema) for one test. */
    abstract String freshDatabaseUrl(Path temp);

    /** Whether DDL rolls back (a failed migration leaves the database exactly as before). */
    abstract boolean transactionalDdl();

    /** Every table, column and index of the database, and the history rows, in a comparable form. */
    abstract List<String> snapshot(Connection connection) throws SQLException;

    @BeforeEach
    void freshDatabase() {
        url = freshDatabaseUrl(temp);
        folder = TestFiles.basicFolder(temp);
    }

    Migrator.Builder builder() {
        return Migrator.builder().jdbcUrl(url).sets(set()).backupPolicy(BackupPolicy.off());
    }

    MigrationSet set() {
        return MigrationSets.directory(folder, "app", dialect());
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    List<String> query(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    row.append(column > 1 ? "|" : "").append(rows.getString(column));
                }
                values.add(row.toString());
            }
            return values;
        }
    }

    List<String> history() throws SQLException {
        return query("SELECT module, version, type, success FROM cairn_schema_history ORDER BY installed_rank");
    }

    List<String> snapshot() throws SQLException {
        try (Connection connection = connect()) {
            return snapshot(connection);
        }
    }

    @Nested
    class Migrate {
        @Test
        void appliesEveryPendingMigrationInVersionOrderAndRecordsHistory() throws SQLException {
            MigrateResult result = builder().build().migrate();

            assertThat(result.applied()).extracting(applied -> applied.version().toString())
                    .containsExactly("1", "2", "2.1");
            assertThat(query("SELECT title, owner FROM items")).containsExactly("first; with semicolon|null");
            assertThat(query("SELECT module, version, script, checksum_algorithm, success FROM cairn_schema_history"
                    + " ORDER BY installed_rank")).hasSize(3).first().asString()
                    .startsWith("app|1|V1__create_items.sql|SHA-256/normalized-v1|");
        }

        @Test
        void secondRunFindsNothingToDo() {
            builder().build().migrate();

            assertThat(builder().build().migrate().applied()).isEmpty();
        }

        @Test
        void stopsAtTheTargetVersion() throws SQLException {
            MigrateResult result = builder().target("app", "2").build().migrate();

            assertThat(result.applied()).hasSize(2);
            assertThat(builder().build().info()).filteredOn(info -> info.state() == MigrationState.PENDING)
                    .extracting(MigrationInfo::script).containsExactly("V2.1__add_owner.sql");
            assertThat(history()).hasSize(2);
        }

        @Test
        void targetNamingNoVersionFailsNamingTheVersionsThatExistAndAppliesNothing() {
            assertThatThrownBy(() -> builder().target("app", "3").build().migrate())
                    .isInstanceOf(MigrationConfigurationException.class)
                    .hasMessageContaining("Target version 3 of module 'app' does not exist")
                    .hasMessageContaining("1, 2, 2.1");
            assertThatThrownBy(() -> builder().target("app", "1.5").build().dryRun(new StringWriter()))
                    .isInstanceOf(MigrationConfigurationException.class).hasMessageContaining("1, 2, 2.1");

            assertThat(builder().build().info()).extracting(MigrationInfo::state).containsOnly(MigrationState.PENDING);
        }

        @Test
        void malformedTargetIsAConfigurationError() {
            assertThatThrownBy(() -> builder().target("app", "v3"))
                    .isInstanceOf(MigrationConfigurationException.class).hasMessageContaining("'v3'");
        }

        @Test
        void replacesPlaceholders() throws SQLException {
            TestFiles.write(folder, "V3__placeholder.sql", "CREATE TABLE ${prefix}_things (id INTEGER);\n");

            builder().placeholder("prefix", "custom").build().migrate();

            assertThat(query("SELECT count(*) FROM custom_things")).containsExactly("0");
        }

        @Test
        void unknownPlaceholderIsAnErrorNamingItAndTheFile() {
            TestFiles.write(folder, "V3__placeholder.sql", "CREATE TABLE ${nope}_things (id INTEGER);\n");

            assertThatThrownBy(() -> builder().build().migrate())
                    .isInstanceOf(MigrationConfigurationException.class)
                    .hasMessageContaining("${nope}").hasMessageContaining("V3__placeholder.sql");
        }

        @Test
        void runsJavaMigrationsInOrderWithSqlOnes() throws SQLException {
            MigrationSet withJava = MigrationSet.of("app", dialect(), List.of(
                    SqlMigration.of("1", "create", "V1__create.sql", "CREATE TABLE notes (body VARCHAR(100));"),
                    new InsertNoteMigration("2", "hello")));

            builder().sets(withJava).build().migrate();

            assertThat(query("SELECT body FROM notes")).containsExactly("hello");
            assertThat(history()).last().asString().startsWith("app|2|JAVA|");
        }

        @Test
        void migratesDependenciesFirstAcrossModules() throws SQLException {
            MigrationSet base = MigrationSet.of("base", dialect(), List.of(
                    SqlMigration.of("1", "t", "V1__t.sql", "CREATE TABLE base_table (id INTEGER PRIMARY KEY);")));
            MigrationSet plugin = MigrationSet.of("plugin", dialect(), List.of(
                    SqlMigration.of("1", "t", "V1__t.sql", "INSERT INTO base_table (id) VALUES (7);")),
                    java.util.Set.of("base"));

            builder().sets(plugin, base).build().migrate();

            assertThat(history()).extracting(row -> row.substring(0, row.indexOf('|', row.indexOf('|') + 1)))
                    .containsExactly("base|1", "plugin|1");
        }

        @Test
        void missingDependencyIsAnErrorNamingBothModules() {
            MigrationSet plugin = MigrationSet.of("plugin", dialect(), List.of(), java.util.Set.of("base"));

            assertThatThrownBy(() -> builder().sets(plugin).build().migrate())
                    .isInstanceOf(MigrationConfigurationException.class)
                    .hasMessageContaining("'plugin' depends on module 'base'");
        }
    }

    @Nested
    class InfoAndValidate {
        @Test
        void infoShowsAppliedAndPendingMigrations() {
            builder().target("app", "1").build().migrate();

            List<MigrationInfo> infos = builder().build().info();

            assertThat(infos).extracting(info -> info.version() + ":" + info.state())
                    .containsExactly("1:APPLIED", "2:PENDING", "2.1:PENDING");
            assertThat(infos.get(0).installedOn()).isNotNull();
        }

        @Test
        void changedAppliedFileFailsNamingTheFileAndBothChecksums() {
            builder().build().migrate();
            TestFiles.write(folder, "V2__create_tags.sql", "CREATE TABLE tags (name VARCHAR(60) PRIMARY KEY);\n");

            MigrationChecksumMismatchException failure = catchThrowableOfType(
                    MigrationChecksumMismatchException.class, () -> builder().build().validate());

            assertThat(failure).hasMessageContaining("V2__create_tags.sql").hasMessageContaining("checksum in history")
                    .hasMessageContaining("local file");
            assertThat(failure.getMessage()).containsPattern("history [0-9a-f]{64} .*local file [0-9a-f]{64}");
            assertThatThrownBy(() -> builder().build().migrate()).isInstanceOf(MigrationChecksumMismatchException.class);
        }

        @Test
        void lineEndingsAndByteOrderMarkDoNotChangeTheChecksum() {
            builder().build().migrate();
            TestFiles.write(folder, "V1__create_items.sql", "\uFEFF-- items; a comment with a semicolon; here\r\n"
                    + "CREATE TABLE items (id INTEGER PRIMARY KEY, title VARCHAR(100) NOT NULL);\r\n"
                    + "INSERT INTO items (id, title) VALUES (1, 'first; with semicolon');\r\n");

            builder().build().validate();
        }

        @Test
        void appliedMigrationMissingLocallyFailsValidation() {
            builder().build().migrate();
            TestFiles.delete(folder.resolve("V2.1__add_owner.sql"));
            TestFiles.delete(folder.resolve("U2.1__add_owner.sql"));

            assertThatThrownBy(() -> builder().build().validate())
                    .isInstanceOf(MigrationValidationException.class)
                    .hasMessageContaining("V2.1__add_owner.sql").hasMessageContaining("missing locally");
        }

        @Test
        void twoFilesWithOneVersionFailValidation() {
            TestFiles.write(folder, "V2__other.sql", "CREATE TABLE other (id INTEGER);\n");

            assertThatThrownBy(() -> builder().build().validate())
                    .isInstanceOf(MigrationValidationException.class)
                    .hasMessageContaining("V2__create_tags.sql").hasMessageContaining("V2__other.sql");
        }
    }

    @Nested
    class UndoRepairBaseline {
        @Test
        void undoStepsRevertsTheNewestMigrations() throws SQLException {
            builder().build().migrate();

            UndoResult result = builder().build().undo(2);

            assertThat(result.undone()).extracting(ExecutedMigration::script)
                    .containsExactly("V2.1__add_owner.sql", "V2__create_tags.sql");
            assertThat(history()).containsExactly("app|1|SQL|" + trueValue());
            assertThat(builder().build().migrate().applied()).hasSize(2);
        }

        @Test
        void undoToATargetRevertsEverythingAbove() throws SQLException {
            builder().build().migrate();

            builder().build().undoTo("app", "0");

            assertThat(history()).isEmpty();
            assertThatThrownBy(() -> query("SELECT * FROM items")).isInstanceOf(SQLException.class);
        }

        @Test
        void undoWithoutUndoFileIsAnError() {
            TestFiles.delete(folder.resolve("U2.1__add_owner.sql"));
            builder().build().migrate();

            assertThatThrownBy(() -> builder().build().undo(1))
                    .isInstanceOf(MigrationConfigurationException.class).hasMessageContaining("U2.1__add_owner.sql");
        }

        @Test
        void repairRealignsChangedChecksums() {
            builder().build().migrate();
            TestFiles.write(folder, "V2__create_tags.sql", "CREATE TABLE tags (name VARCHAR(60) PRIMARY KEY);\n");

            RepairResult result = builder().build().repair();

            assertThat(result.realignedChecksums()).containsExactly("app 2 V2__create_tags.sql");
            builder().build().validate();
        }

        @Test
        void baselineAdoptsAnExistingDatabase() throws SQLException {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, title VARCHAR(100) NOT NULL)");
                statement.execute("CREATE TABLE tags (name VARCHAR(50) PRIMARY KEY)");
            }

            builder().build().baseline("app", "2");
            MigrateResult result = builder().build().migrate();

            assertThat(result.applied()).extracting(ExecutedMigration::script).containsExactly("V2.1__add_owner.sql");
            assertThat(builder().build().info()).extracting(MigrationInfo::state).containsExactly(
                    MigrationState.BASELINE, MigrationState.APPLIED, MigrationState.BELOW_BASELINE,
                    MigrationState.BELOW_BASELINE);
        }
    }

    @Nested
    class DryRun {
        @Test
        void printsEveryStatementAndHistoryInsertAndChangesNothing() throws SQLException {
            List<String> before = snapshot();
            StringWriter out = new StringWriter();

            List<MigrationInfo> pending = builder().build().dryRun(out);

            assertThat(pending).hasSize(3);
            assertThat(out.toString())
                    .contains("CREATE TABLE IF NOT EXISTS cairn_schema_history")
                    .contains("CREATE TABLE items (id INTEGER PRIMARY KEY, title VARCHAR(100) NOT NULL);")
                    .contains("INSERT INTO items (id, title) VALUES (1, 'first; with semicolon');")
                    .contains("CREATE INDEX tags_name ON tags (name);")
                    .contains("INSERT INTO cairn_schema_history")
                    .contains("'V2.1__add_owner.sql'");
            assertThat(snapshot()).isEqualTo(before);
        }

        @Test
        void onAnUpToDateDatabasePrintsNoStatements() {
            builder().build().migrate();
            StringWriter out = new StringWriter();

            assertThat(builder().build().dryRun(out)).isEmpty();
            assertThat(out.toString()).doesNotContain("INSERT");
        }
    }

    @Nested
    class Failures {
        @Test
        void failingMigrationReportsModuleVersionFileStatementAndDatabaseMessage() throws SQLException {
            builder().target("app", "1").build().migrate();
            List<String> before = snapshot();
            TestFiles.write(folder, "V2__create_tags.sql", """
                    CREATE TABLE tags (name VARCHAR(50) PRIMARY KEY);
                    INSERT INTO tags (name) VALUES ('a');
                    INSERT INTO no_such_table (name)
                      VALUES ('b');
                    """);

            MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                    () -> builder().build().migrate());

            assertThat(failure).hasMessageContaining("module 'app'").hasMessageContaining("version 2")
                    .hasMessageContaining("V2__create_tags.sql").hasMessageContaining("statement 3")
                    .hasMessageContaining("line 3: INSERT INTO no_such_table (name)")
                    .hasMessageContaining("Database message:");
            assertThat(failure.getMessage().toLowerCase(java.util.Locale.ROOT)).contains("no_such_table");
            assertThat(failure.statementNumber()).isEqualTo(3);
            if (transactionalDdl()) {
                assertThat(failure.rolledBack()).isTrue();
                assertThat(failure).hasMessageContaining("exactly as it was before");
                assertThat(snapshot()).isEqualTo(before);
            } else {
                assertThat(failure.rolledBack()).isFalse();
                assertThat(failure).hasMessageContaining("run repair");
                assertThat(history()).last().asString().startsWith("app|2|SQL|" + falseValue());
            }
        }

        @Test
        void afterAFailureTheFixedMigrationAppliesWithRepairWhereNeeded() throws SQLException {
            Path broken = TestFiles.write(folder, "V2__create_tags.sql",
                    "CREATE TABLE tags (name VARCHAR(50) PRIMARY KEY);\nCREATE TABLE broken (;\n");
            assertThatThrownBy(() -> builder().build().migrate()).isInstanceOf(MigrationFailedException.class);
            TestFiles.write(folder, broken.getFileName().toString(), "CREATE TABLE IF NOT EXISTS tags"
                    + " (name VARCHAR(50) PRIMARY KEY);\n");

            if (!transactionalDdl()) {
                assertThatThrownBy(() -> builder().build().migrate())
                        .isInstanceOf(MigrationValidationException.class).hasMessageContaining("repair");
                assertThat(builder().build().repair().removedFailedRows()).containsExactly("app 2 V2__create_tags.sql");
            }
            MigrateResult result = builder().build().migrate();

            assertThat(result.applied()).extracting(ExecutedMigration::script)
                    .containsExactly("V2__create_tags.sql", "V2.1__add_owner.sql");
            assertThat(history()).hasSize(3);
        }
    }

    @Nested
    class Concurrency {
        @Test
        void twoMigratorThreadsApplyEachMigrationOnce() throws Exception {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            MigrationSet blocking = blockingSet(started, release);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<MigrateResult> first = pool.submit(() -> builder().sets(blocking).build().migrate());
                assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
                Future<MigrateResult> second = pool.submit(() -> builder().sets(blocking).build().migrate());
                Thread.sleep(300);
                assertThat(second.isDone()).as("second migrator waits for the lock").isFalse();
                release.countDown();

                assertThat(first.get(30, TimeUnit.SECONDS).applied()).hasSize(2);
                assertThat(second.get(30, TimeUnit.SECONDS).applied()).isEmpty();
                assertThat(history()).hasSize(2);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }

        @Test
        void lockNotObtainedInTimeIsAClearError() throws Exception {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            MigrationSet blocking = blockingSet(started, release);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<MigrateResult> first = pool.submit(() -> builder().sets(blocking).build().migrate());
                assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

                MigrationLockTimeoutException failure = catchThrowableOfType(MigrationLockTimeoutException.class,
                        () -> builder().sets(blocking)
                        .lockTimeout(Duration.ofMillis(400)).build().migrate());

                assertThat(failure).hasMessageContaining("within 400 ms").hasMessageContaining("another migrator");
                assertThat(failure.timeout()).isEqualTo(Duration.ofMillis(400));
                release.countDown();
                assertThat(first.get(30, TimeUnit.SECONDS).applied()).hasSize(2);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }

        private MigrationSet blockingSet(CountDownLatch started, CountDownLatch release) {
            return MigrationSet.of("app", dialect(), List.of(
                    SqlMigration.of("1", "create", "V1__create.sql", "CREATE TABLE notes (body VARCHAR(100));"),
                    new BlockingMigration("2", started, release)));
        }
    }

    @Nested
    class Processes {
        @Test
        void secondProcessWaitsForTheLockThenFindsNothingToDo() throws Exception {
            url = processUrl(temp);
            // Opened first and kept, so that for H2 this JVM hosts the AUTO_SERVER and outlives the child.
            try (Connection host = connect()) {
                assertThat(host.isValid(5)).isTrue();
                ChildProcess child = ChildProcess.start(url, dialect(), folder, 1500);
                try {
                    assertThat(child.awaitInMigration(60)).as("child output %s", child.output).isTrue();

                    MigrateResult mine = processBuilder(0).build().migrate();

                    assertThat(child.awaitExit(60)).as("child output %s", child.output).isZero();
                    assertThat(child.output).contains("APPLIED 4");
                    assertThat(mine.applied()).isEmpty();
                    assertThat(mine.duration()).isGreaterThan(Duration.ofMillis(200));
                    assertThat(history()).hasSize(4).allMatch(row -> row.endsWith("|" + trueValue()));
                    assertThat(query("SELECT count(*) FROM slow_things")).containsExactly("1");
                } finally {
                    child.kill();
                }
            }
        }

        @Test
        void processKilledInTheMiddleOfAMigrationLeavesNoLockAndNoHalfAppliedMigration() throws Exception {
            if (!survivesKill()) {
                return;
            }
            url = processUrl(temp);
            ChildProcess child = ChildProcess.start(url, dialect(), folder, 120_000);
            assertThat(child.awaitInMigration(60)).as("child output %s", child.output).isTrue();

            child.kill();

            assertThat(tables()).doesNotContain("slow_things");
            MigrateResult rerun = processBuilder(0).lockTimeout(Duration.ofSeconds(30)).build().migrate();
            assertThat(rerun.applied()).extracting(ExecutedMigration::script).contains("SlowJavaMigration");
            assertThat(history()).hasSize(4).allMatch(row -> row.endsWith("|" + trueValue()));
            assertThat(query("SELECT count(*) FROM slow_things")).containsExactly("1");
        }

        private Migrator.Builder processBuilder(long sleepMillis) {
            return Migrator.builder().jdbcUrl(url).backupPolicy(BackupPolicy.off())
                    .sets(MigratorProcessMain.processSet(folder, dialect(), sleepMillis));
        }

        private List<String> tables() throws SQLException {
            try (Connection connection = connect()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                        new String[] {"TABLE"})) {
                    while (rows.next()) {
                        names.add(rows.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                    }
                }
                return names;
            }
        }
    }

    /** A URL that two processes can open at once (H2 needs a file database with AUTO_SERVER). */
    String processUrl(Path temp) {
        return url;
    }

    /** Whether a killed migrator leaves the database as before its migration (transactional DDL). */
    boolean survivesKill() {
        return transactionalDdl();
    }

    String trueValue() {
        return "true";
    }

    String falseValue() {
        return "false";
    }
}
