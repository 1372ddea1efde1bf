package dev.cairn.migrations.internal;

import dev.cairn.migrations.MigrationVersion;
import java.time.Instant;

/**
 * One row of the history table. Immutable and thread-safe.
 *
 * @param rank the installed rank, increasing in the order of installation
 * @param module the module
 * @param version the version; null for a repeatable migration
 * @param description the description
 * @param type SQL, JAVA, BASELINE or REPEATABLE
 * @param script the file or class name
 * @param checksum the checksum, or null
 * @param checksumAlgorithm the algorithm that made the checksum, or null
 * @param installedBy who ran it
 * @param installedOn when
 * @param executionTimeMillis how long it took
 * @param success false for a failed migration that needs repair
 */
public record HistoryRow(int rank, String module, MigrationVersion version, String description, String type,
                         String script, String checksum, String checksumAlgorithm, String installedBy,
                         Instant installedOn, long executionTimeMillis, boolean success) {
    public static final String TYPE_SQL = "SQL";
    public static final String TYPE_JAVA = "JAVA";
    public static final String TYPE_BASELINE = "BASELINE";
    /** A repeatable migration: its version is null, and its row is updated each time it is applied again. */
    public static final String TYPE_REPEATABLE = "REPEATABLE";

    /** The version column of a repeatable's row, unique per module as the table's index wants. */
    public static String repeatableKey(String description) {
        String key = "R:" + description;
        return key.length() > 200 ? key.substring(0, 200) : key;
    }

    public boolean isRepeatable() {
        return TYPE_REPEATABLE.equals(type);
    }

    public boolean isBaseline() {
        return TYPE_BASELINE.equals(type);
    }

    public HistoryRow withSuccess(boolean newSuccess, long newExecutionTimeMillis) {
        return new HistoryRow(rank, module, version, description, type, script, checksum, checksumAlgorithm,
                installedBy, installedOn, newExecutionTimeMillis, newSuccess);
    }
}
