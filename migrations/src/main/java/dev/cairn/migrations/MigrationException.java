package dev.cairn.migrations;

/** The root of every error the engine throws; unchecked. Instances are immutable and thread-safe. */
public abstract class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected MigrationException(String message) {
        super(message);
    }

    protected MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
