package dev.cairn.benchmarks.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder of {@code count} Flyway-named migrations, each a CREATE TABLE, a CREATE INDEX and an INSERT, in
 * SQL that SQLite and PostgreSQL both run; Cairn and Flyway read the same files. Not thread-safe.
 */
final class GeneratedMigrations {

    private GeneratedMigrations() {
    }

    static Path write(int count) {
        try {
            Path folder = Files.createTempDirectory("cairn-bench-migrations");
            for (int index = 1; index <= count; index++) {
                Files.writeString(folder.resolve("V" + index + "__table_" + index + ".sql"), """
                        -- Migration %1$d: one table; one index; one row.
                        CREATE TABLE bench_%1$d (
                            id INTEGER PRIMARY KEY,
                            name VARCHAR(100) NOT NULL,
                            created_at VARCHAR(30) NOT NULL
                        );
                        CREATE INDEX bench_%1$d_name ON bench_%1$d (name);
                        INSERT INTO bench_%1$d (id, name, created_at) VALUES (1, 'row %1$d; first', '2024-01-01');
                        """.formatted(index));
            }
            return folder;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static void delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
