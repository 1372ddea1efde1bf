package dev.cairn.migrations;

/**
 * A configuration or migration set that cannot work: a file name that does not parse, a missing module
 * dependency, a migration mixing statements that need a transaction with ones that cannot run in one.
 * Immutable and thread-safe.
 */
public class MigrationConfigurationException extends MigrationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what to do
     */
    public MigrationConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong and what to do
     * @param cause   the failure that showed it
     */
    public MigrationConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
