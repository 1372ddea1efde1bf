package dev.cairn.migrations;

/** The database failed outside a migration: connecting, reading or writing the history table.
 * Immutable and thread-safe. */
public class MigrationDatabaseException extends MigrationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what the engine was doing and on which target
     * @param cause   the driver's exception
     */
    public MigrationDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
