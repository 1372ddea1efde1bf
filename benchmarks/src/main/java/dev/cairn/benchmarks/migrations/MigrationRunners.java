package dev.cairn.benchmarks.migrations;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationSets;
import dev.cairn.migrations.Migrator;
import dev.cairn.test.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * The two engines doing the same work on the same files: read the folder, check the history, apply what
 * is pending. Each returns how many migrations it applied. Thread-safe.
 */
final class MigrationRunners {

    private MigrationRunners() {
    }

    static int cairnSqlite(Path folder, Path database) {
        return Migrator.builder().jdbcUrl("jdbc:sqlite:" + database)
                .sets(MigrationSets.directory(folder, "bench", Dialect.SQLITE))
                .build().migrate().applied().size();
    }

    static int flywaySqlite(Path folder, Path database) {
        return Flyway.configure().dataSource("jdbc:sqlite:" + database, null, null)
                .locations("filesystem:" + folder)
                .load().migrate().migrationsExecuted;
    }

    static int cairnPostgres(Path folder, String schema) {
        return Migrator.builder().jdbcUrl(PostgresServer.jdbcUrl()).schema(schema)
                .sets(MigrationSets.directory(folder, "bench", Dialect.POSTGRESQL))
                .build().migrate().applied().size();
    }

    static int flywayPostgres(Path folder, String schema) {
        return Flyway.configure().dataSource(PostgresServer.jdbcUrl(), null, null)
                .schemas(schema)
                .locations("filesystem:" + folder)
                .load().migrate().migrationsExecuted;
    }

    /**
     * The floor: every statement of every file through plain JDBC in one transaction, no history, no checks.
     * What the database itself costs, to tell the engine's overhead from SQLite's own growth with many tables.
     */
    static int jdbcFloor(Path folder, String url) {
        List<Path> files = sortedByVersion(folder);
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (Path file : files) {
                for (String sql : Files.readString(file).split(";\\s*\\n")) {
                    String code = sql.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
                    if (!code.isBlank()) {
                        statement.execute(code);
                    }
                }
            }
            connection.commit();
            return files.size();
        } catch (SQLException | IOException failure) {
            throw new IllegalStateException("Floor run failed", failure);
        }
    }

    private static List<Path> sortedByVersion(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted((left, right) -> Integer.compare(version(left), version(right))).toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
