package dev.cairn.benchmarks.migrations;

import dev.cairn.benchmarks.Baseline;
import dev.cairn.test.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cairn's migration engine against Flyway on the same generated files ({@link GeneratedMigrations}):
 * {@code count} migrations applied to an empty SQLite file and an empty PostgreSQL schema, then a second
 * run on the up-to-date database. Every operation reads the folder, the history and applies what is
 * pending, as a deploy does; each measured call is one whole run ({@link Mode#SingleShotTime}).
 * {@code jdbc*Empty} run the same statements through plain JDBC in one transaction: the database's own
 * cost, to read beside Cairn's (SQLite's DDL cost grows with the number of tables, whatever the engine).
 *
 * <p>{@code benchmarks/run MigrationBenchmark}; for the scaling check
 * {@code benchmarks/run -p count=10000 'MigrationBenchmark.(cairn|jdbc)'}.
 *
 * <p>Instances are JMH's: one per fork and thread.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(1)
public class MigrationBenchmark {

    /** The generated files, once per trial. Thread-safe once written. */
    @State(Scope.Benchmark)
    public static class MigrationFiles {
        @Param("200")
        public int count;

        Path folder;

        @Setup(Level.Trial)
        public void write() {
            folder = GeneratedMigrations.write(count);
        }

        @TearDown(Level.Trial)
        public void delete() {
            GeneratedMigrations.delete(folder);
        }
    }

    /** A new, empty SQLite file for every run. Not thread-safe. */
    @State(Scope.Thread)
    public static class EmptySqlite {
        Path file;

        @Setup(Level.Iteration)
        public void create() {
            file = tempFile("empty");
        }

        @TearDown(Level.Iteration)
        public void delete() {
            deleteFile(file);
        }
    }

    /** A new, empty PostgreSQL schema for every run. Not thread-safe. */
    @State(Scope.Thread)
    public static class EmptyPostgres {
        String schema;

        @Setup(Level.Iteration)
        public void create() {
            schema = PostgresServer.freshSchema("bench");
        }

        @TearDown(Level.Iteration)
        public void drop() {
            PostgresServer.dropSchema(schema);
        }
    }

    /** A SQLite file Cairn migrated once, so that a run finds nothing to do. Not thread-safe. */
    @State(Scope.Thread)
    public static class CairnSqliteUpToDate {
        Path file;

        @Setup(Level.Trial)
        public void migrate(MigrationFiles files) {
            file = tempFile("cairn");
            MigrationRunners.cairnSqlite(files.folder, file);
        }

        @TearDown(Level.Trial)
        public void delete() {
            deleteFile(file);
        }
    }

    /** A SQLite file Flyway migrated once. Not thread-safe. */
    @State(Scope.Thread)
    public static class FlywaySqliteUpToDate {
        Path file;

        @Setup(Level.Trial)
        public void migrate(MigrationFiles files) {
            file = tempFile("flyway");
            MigrationRunners.flywaySqlite(files.folder, file);
        }

        @TearDown(Level.Trial)
        public void delete() {
            deleteFile(file);
        }
    }

    /** A PostgreSQL schema Cairn migrated once. Not thread-safe. */
    @State(Scope.Thread)
    public static class CairnPostgresUpToDate {
        String schema;

        @Setup(Level.Trial)
        public void migrate(MigrationFiles files) {
            schema = PostgresServer.freshSchema("bench");
            MigrationRunners.cairnPostgres(files.folder, schema);
        }

        @TearDown(Level.Trial)
        public void drop() {
            PostgresServer.dropSchema(schema);
        }
    }

    /** A PostgreSQL schema Flyway migrated once. Not thread-safe. */
    @State(Scope.Thread)
    public static class FlywayPostgresUpToDate {
        String schema;

        @Setup(Level.Trial)
        public void migrate(MigrationFiles files) {
            schema = PostgresServer.freshSchema("bench");
            MigrationRunners.flywayPostgres(files.folder, schema);
        }

        @TearDown(Level.Trial)
        public void drop() {
            PostgresServer.dropSchema(schema);
        }
    }

    @Benchmark
    @Baseline("flywaySqliteEmpty")
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public int cairnSqliteEmpty(MigrationFiles files, EmptySqlite database) {
        return MigrationRunners.cairnSqlite(files.folder, database.file);
    }

    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public int flywaySqliteEmpty(MigrationFiles files, EmptySqlite database) {
        return MigrationRunners.flywaySqlite(files.folder, database.file);
    }

    @Benchmark
    @Baseline("flywaySqliteUpToDate")
    public int cairnSqliteUpToDate(MigrationFiles files, CairnSqliteUpToDate database) {
        return MigrationRunners.cairnSqlite(files.folder, database.file);
    }

    @Benchmark
    public int flywaySqliteUpToDate(MigrationFiles files, FlywaySqliteUpToDate database) {
        return MigrationRunners.flywaySqlite(files.folder, database.file);
    }

    @Benchmark
    @Baseline("flywayPostgresEmpty")
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public int cairnPostgresEmpty(MigrationFiles files, EmptyPostgres database) {
        return MigrationRunners.cairnPostgres(files.folder, database.schema);
    }

    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public int flywayPostgresEmpty(MigrationFiles files, EmptyPostgres database) {
        return MigrationRunners.flywayPostgres(files.folder, database.schema);
    }

    @Benchmark
    @Baseline("flywayPostgresUpToDate")
    public int cairnPostgresUpToDate(MigrationFiles files, CairnPostgresUpToDate database) {
        return MigrationRunners.cairnPostgres(files.folder, database.schema);
    }

    @Benchmark
    public int flywayPostgresUpToDate(MigrationFiles files, FlywayPostgresUpToDate database) {
        return MigrationRunners.flywayPostgres(files.folder, database.schema);
    }

    /** The floor for {@link #cairnSqliteEmpty}: plain JDBC, no history (no pair; read beside it). */
    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public int jdbcSqliteEmpty(MigrationFiles files, EmptySqlite database) {
        return MigrationRunners.jdbcFloor(files.folder, "jdbc:sqlite:" + database.file);
    }

    /** The floor for {@link #cairnPostgresEmpty}: plain JDBC, no history (no pair; read beside it). */
    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public int jdbcPostgresEmpty(MigrationFiles files, EmptyPostgres database) {
        String base = PostgresServer.jdbcUrl();
        return MigrationRunners.jdbcFloor(files.folder,
                base + (base.contains("?") ? "&" : "?") + "currentSchema=" + database.schema);
    }

    static Path tempFile(String prefix) {
        try {
            Path file = Files.createTempFile("cairn-bench-" + prefix, ".db");
            Files.delete(file);
            return file;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static void deleteFile(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
