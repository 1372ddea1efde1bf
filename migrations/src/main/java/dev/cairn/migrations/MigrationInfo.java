package dev.cairn.migrations;

import java.time.Instant;

/**
 * One line of {@code info}: a local or applied migration and its state. Immutable and thread-safe.
 *
 * @param module the module
 * @param version the version
 * @param description the description
 * @param script the file or class name
 * @param state the state
 * @param installedOn when it was applied, or null
 * @param executionTimeMillis how long it took when applied, or null
 */
public record MigrationInfo(String module, MigrationVersion version, String description, String script,
                            MigrationState state, Instant installedOn, Long executionTimeMillis) {
}
