package dev.cairn.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Migrates many targets in one run with bounded parallelism: every SQLite file of a folder, a list of
 * schemas, or any migrators. One target's failure does not stop the others; each gets its own
 * {@link TargetResult}. Thread-safe.
 */
public final class MigrateAll {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private MigrateAll() {
    }

    /**
     * Migrates every SQLite file directly in {@code folder} (recognised by its header; empty files count,
     * backups and journals do not), each with a copy of {@code template} pointed at the file.
     *
     * @param folder      the folder whose SQLite files are migrated; subfolders are not
     * @param template    the configuration every file is migrated with; its connection is replaced
     * @param parallelism how many files to migrate at once, at least 1
     * @return one result per file, sorted by file name
     */
    public static List<TargetResult> sqliteFolder(Path folder, Migrator.Builder template, int parallelism) {
        Map<String, Migrator> migrators = new LinkedHashMap<>();
        for (Path file : sqliteFiles(folder)) {
            migrators.put(file.toString(), template.copy().jdbcUrl("jdbc:sqlite:" + file).build());
        }
        return run(migrators, parallelism);
    }

    /**
     * Migrates each schema through {@code dataSource}, each with a copy of {@code template}.
     *
     * @param dataSource  the data source of the database holding the schemas
     * @param schemas     the schemas to migrate, each created if missing
     * @param template    the configuration every schema is migrated with; its connection and schema are replaced
     * @param parallelism how many schemas to migrate at once, at least 1
     * @return one result per schema, in the order given
     */
    public static List<TargetResult> schemas(DataSource dataSource, List<String> schemas, Migrator.Builder template,
                                             int parallelism) {
        Map<String, Migrator> migrators = new LinkedHashMap<>();
        for (String schema : schemas) {
            migrators.put(schema, template.copy().dataSource(dataSource).schema(schema).build());
        }
        return run(migrators, parallelism);
    }

    /**
     * Runs {@code migrate()} on each migrator, at most {@code parallelism} at once, results in input order.
     *
     * @param migrators   target name to the migrator of that target
     * @param parallelism how many to run at once, at least 1
     * @return one result per migrator, in the map's order
     * @throws MigrationConfigurationException when {@code parallelism} is below 1
     */
    public static List<TargetResult> run(Map<String, Migrator> migrators, int parallelism) {
        if (parallelism < 1) {
            throw new MigrationConfigurationException("parallelism must be at least 1, was " + parallelism);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, migrators.size())),
                runnable -> {
                    Thread thread = new Thread(runnable, "cairn-migrate-all");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Map.Entry<String, Future<MigrateResult>>> futures = new ArrayList<>();
            for (Map.Entry<String, Migrator> entry : migrators.entrySet()) {
                futures.add(Map.entry(entry.getKey(), pool.submit(() -> entry.getValue().migrate())));
            }
            List<TargetResult> results = new ArrayList<>();
            for (Map.Entry<String, Future<MigrateResult>> entry : futures) {
                results.add(await(entry.getKey(), entry.getValue()));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static TargetResult await(String target, Future<MigrateResult> future) {
        try {
            return new TargetResult(target, future.get(), null);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof MigrationException migrationFailure) {
                return new TargetResult(target, null, migrationFailure);
            }
            return new TargetResult(target, null, new MigrationDatabaseException("Migrating " + target
                    + " failed: " + failed.getCause(), failed.getCause()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MigrationDatabaseException("Interrupted while migrating " + target, interrupted);
        }
    }

    /**
     * The SQLite files directly in {@code folder}, told by their header (an empty file counts, as SQLite would
     * make it one); backups, journals and WAL files left out; sorted. What a run over a folder migrates.
     *
     * @param folder the folder to list; subfolders are not
     * @return the files, sorted
     * @throws java.io.UncheckedIOException when the folder or a file cannot be read
     */
    public static List<Path> sqliteFiles(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(path -> {
                        String name = path.getFileName().toString();
                        return !name.endsWith(".bak") && !name.endsWith("-journal") && !name.endsWith("-wal")
                                && !name.endsWith("-shm");
                    })
                    .filter(MigrateAll::isSqliteFile)
                    .sorted()
                    .toList();
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot list " + folder, failure);
        }
    }

    private static boolean isSqliteFile(Path file) {
        try (InputStream input = Files.newInputStream(file)) {
            byte[] header = input.readNBytes(SQLITE_HEADER.length);
            return header.length == 0 || Arrays.equals(header, SQLITE_HEADER);
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot read " + file, failure);
        }
    }
}
