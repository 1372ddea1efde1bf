package dev.cairn.migrations;

/**
 * A configuration or migration set that cannot work: a file name that does not parse, a missing module
 * dependency, a migration mixing statements that need a transaction with ones that cannot run in one.
 * Immutable and thread-safe.
 */
public class MigrationConfigurationException extends MigrationException {
    private static final long serialVersionUID = 1L;

    public MigrationConfigurationException(String message) {
        super(message);
    }

    public MigrationConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
