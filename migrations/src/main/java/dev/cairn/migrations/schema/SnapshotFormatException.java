package dev.cairn.migrations.schema;

import dev.cairn.migrations.MigrationException;

/**
 * A snapshot file that is no snapshot: bad JSON, or a field missing or of the wrong kind. Immutable and
 * thread-safe.
 */
public final class SnapshotFormatException extends MigrationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the line, the field or the file
     */
    public SnapshotFormatException(String message) {
        super(message);
    }
}
