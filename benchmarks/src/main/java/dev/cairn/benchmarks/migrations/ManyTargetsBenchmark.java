package dev.cairn.benchmarks.migrations;

import dev.cairn.benchmarks.Baseline;
import dev.cairn.migrations.BackupPolicy;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrateAll;
import dev.cairn.migrations.MigrationSets;
import dev.cairn.migrations.Migrator;
import dev.cairn.migrations.TargetResult;
import dev.cairn.test.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
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
 * Many databases in one run: {@code targets} empty PostgreSQL schemas, and as many empty SQLite files, each
 * given the same {@code count} generated migrations. Cairn migrates them with {@link MigrateAll} (its
 * {@code cairn migrate up --schemas} and {@code --folder}, {@code parallelism} at once); Flyway, having no such
 * command, loops over them in one JVM, as a deploy script would. One measured call is one whole run.
 *
 * <p>{@code benchmarks/run ManyTargetsBenchmark}. Instances are JMH's: one per fork and thread.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class ManyTargetsBenchmark {

    /** The generated files and the targets' shape, once per trial. */
    @State(Scope.Benchmark)
    public static class Setting {
        @Param("200")
        public int targets;

        @Param("10")
        public int count;

        @Param("4")
        public int parallelism;

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

    /** {@code targets} new, empty schemas for every run. Not thread-safe. */
    @State(Scope.Thread)
    public static class EmptySchemas {
        List<String> schemas;

        @Setup(Level.Iteration)
        public void create(Setting setting) {
            schemas = new ArrayList<>();
            for (int index = 0; index < setting.targets; index++) {
                schemas.add(PostgresServer.freshSchema("many"));
            }
        }

        @TearDown(Level.Iteration)
        public void drop() {
            schemas.forEach(PostgresServer::dropSchema);
        }
    }

    /** A folder of {@code targets} new, empty SQLite files for every run. Not thread-safe. */
    @State(Scope.Thread)
    public static class EmptyFiles {
        Path folder;

        @Setup(Level.Iteration)
        public void create(Setting setting) {
            folder = emptyFiles(setting.targets);
        }

        @TearDown(Level.Iteration)
        public void delete() {
            GeneratedMigrations.delete(folder);
        }
    }

    static Path emptyFiles(int targets) {
        try {
            Path folder = Files.createTempDirectory("cairn-bench-files");
            for (int index = 0; index < targets; index++) {
                Files.createFile(folder.resolve("tenant-" + index + ".db"));
            }
            return folder;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Benchmark
    @Baseline("flywayPostgresSchemas")
    public int cairnPostgresSchemas(Setting setting, EmptySchemas database) {
        return cairnSchemas(setting.folder, database.schemas, setting.parallelism);
    }

    @Benchmark
    public int flywayPostgresSchemas(Setting setting, EmptySchemas database) {
        return flywaySchemas(setting.folder, database.schemas);
    }

    @Benchmark
    @Baseline("flywaySqliteFiles")
    public int cairnSqliteFiles(Setting setting, EmptyFiles database) {
        return cairnFiles(setting.folder, database.folder, setting.parallelism);
    }

    @Benchmark
    public int flywaySqliteFiles(Setting setting, EmptyFiles database) {
        return flywayFiles(setting.folder, database.folder);
    }

    /** @return the migrations applied over all targets */
    static int cairnSchemas(Path migrations, List<String> schemas, int parallelism) {
        Migrator.Builder template = Migrator.builder()
                .sets(MigrationSets.directory(migrations, "bench", Dialect.POSTGRESQL));
        return MigrateAll.schemas(PostgresServer.dataSource(), schemas, template, parallelism).stream()
                .mapToInt(ManyTargetsBenchmark::applied).sum();
    }

    private static int applied(TargetResult result) {
        if (!result.succeeded()) {
            throw result.failure();
        }
        return result.result().applied().size();
    }

    static int flywaySchemas(Path migrations, List<String> schemas) {
        int applied = 0;
        for (String schema : schemas) {
            applied += MigrationRunners.flywayPostgres(migrations, schema);
        }
        return applied;
    }

    static int cairnFiles(Path migrations, Path files, int parallelism) {
        Migrator.Builder template = Migrator.builder().backupPolicy(BackupPolicy.off())
                .sets(MigrationSets.directory(migrations, "bench", Dialect.SQLITE));
        return MigrateAll.sqliteFolder(files, template, parallelism).stream()
                .mapToInt(ManyTargetsBenchmark::applied).sum();
    }

    static int flywayFiles(Path migrations, Path files) {
        int applied = 0;
        for (Path file : MigrateAll.sqliteFiles(files)) {
            applied += Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null)
                    .locations("filesystem:" + migrations).load().migrate().migrationsExecuted;
        }
        return applied;
    }
}
