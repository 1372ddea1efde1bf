package dev.cairn.migrations;

import java.nio.file.Path;

/**
 * Whether and where a SQLite file is copied ({@code VACUUM INTO}) before pending migrations touch it,
 * and how many copies to keep. Ignored for other databases. Immutable and thread-safe.
 *
 * @param enabled whether backups are taken
 * @param folder the folder for backups, or null for beside the database file
 * @param retention how many backups of one file to keep (the oldest are deleted), at least 1
 */
public record BackupPolicy(boolean enabled, Path folder, int retention) {

    /**
     * Checks the retention.
     *
     * @param enabled whether backups are taken
     * @param folder the folder for backups, or null for beside the database file
     * @param retention how many backups of one file to keep (the oldest are deleted), at least 1
     * @throws MigrationConfigurationException when {@code retention} is below 1
     */
    public BackupPolicy {
        if (retention < 1) {
            throw new MigrationConfigurationException("backup retention must be at least 1, was " + retention);
        }
    }

    /**
     * The default: a backup beside the file, keeping the last 5.
     *
     * @return the default policy
     */
    public static BackupPolicy defaults() {
        return new BackupPolicy(true, null, 5);
    }

    /**
     * No backups.
     *
     * @return a policy that takes none
     */
    public static BackupPolicy off() {
        return new BackupPolicy(false, null, 1);
    }

    /**
     * Backups beside the database file, keeping the last {@code retention}.
     *
     * @param retention how many backups of one file to keep, at least 1
     * @return the policy
     */
    public static BackupPolicy beside(int retention) {
        return new BackupPolicy(true, null, retention);
    }

    /**
     * Backups in the given folder, keeping the last {@code retention} per database file.
     *
     * @param folder    the folder the copies are written to
     * @param retention how many backups of one file to keep, at least 1
     * @return the policy
     */
    public static BackupPolicy inFolder(Path folder, int retention) {
        return new BackupPolicy(true, folder, retention);
    }
}
