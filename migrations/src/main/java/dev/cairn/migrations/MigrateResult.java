package dev.cairn.migrations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one migrate run did. Immutable and thread-safe.
 *
 * @param target the database or file migrated (password masked)
 * @param applied the migrations applied, in order; empty when the database was up to date
 * @param duration the time the whole run took, lock wait included
 * @param backup the backup taken before migrating, or null when none was taken
 */
public record MigrateResult(String target, List<ExecutedMigration> applied, Duration duration, Path backup) {

    /**
     * Copies {@code applied}, so that the result stays as it was built.
     *
     * @param target the database or file migrated (password masked)
     * @param applied the migrations applied, in order; empty when the database was up to date
     * @param duration the time the whole run took, lock wait included
     * @param backup the backup taken before migrating, or null when none was taken
     */
    public MigrateResult {
        applied = List.copyOf(applied);
    }

    /**
     * The backup file, when one was taken.
     *
     * @return the copy of the SQLite file made before migrating, or empty
     */
    public Optional<Path> backupPath() {
        return Optional.ofNullable(backup);
    }
}
