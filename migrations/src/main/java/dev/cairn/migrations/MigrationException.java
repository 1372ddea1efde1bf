package dev.cairn.migrations;

/** The root of every error the engine throws; unchecked. Instances are immutable and thread-safe. */
public abstract class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do
     */
    protected MigrationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed and what to do
     * @param cause   the underlying failure
     */
    protected MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
