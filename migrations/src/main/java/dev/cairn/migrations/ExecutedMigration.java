package dev.cairn.migrations;

import java.time.Duration;
import java.util.List;

/**
 * One migration the engine applied or undid in a run. Immutable and thread-safe.
 *
 * @param module the module
 * @param version the version
 * @param description the description
 * @param script the file or class name
 * @param executionTime how long it took
 * @param notes what the engine did that the script's text does not say, such as psql meta-commands of a
 *     {@code pg_dump} file it skipped; empty when nothing
 */
public record ExecutedMigration(String module, MigrationVersion version, String description, String script,
                                Duration executionTime, List<String> notes) {

    /**
     * Copies {@code notes}; null stands for none.
     *
     * @param module the module
     * @param version the version
     * @param description the description
     * @param script the file or class name
     * @param executionTime how long it took
     * @param notes what the engine did that the script's text does not say, such as psql meta-commands of a
     *     {@code pg_dump} file it skipped; empty when nothing
     */
    public ExecutedMigration {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * A migration that needed no note.
     *
     * @param module        the module
     * @param version       the version
     * @param description   the description
     * @param script        the file or class name
     * @param executionTime how long it took
     */
    public ExecutedMigration(String module, MigrationVersion version, String description, String script,
                             Duration executionTime) {
        this(module, version, description, script, executionTime, List.of());
    }
}
