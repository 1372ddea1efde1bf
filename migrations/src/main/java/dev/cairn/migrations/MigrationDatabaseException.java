package dev.cairn.migrations;

/** The database failed outside a migration: connecting, reading or writing the history table.
 * Immutable and thread-safe. */
public class MigrationDatabaseException extends MigrationException {
    private static final long serialVersionUID = 1L;

    public MigrationDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
