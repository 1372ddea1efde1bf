package dev.cairn.migrations;

import java.time.Duration;

/**
 * One migration the engine applied or undid in a run. Immutable and thread-safe.
 *
 * @param module the module
 * @param version the version
 * @param description the description
 * @param script the file or class name
 * @param executionTime how long it took
 */
public record ExecutedMigration(String module, MigrationVersion version, String description, String script,
                                Duration executionTime) {
}
