package dev.cairn.migrations;

/**
 * A migration failed while running. The message names the module, version, file, statement number and
 * first line, the database's message, and whether the database was rolled back or needs {@code repair}.
 * Immutable and thread-safe.
 */
public class MigrationFailedException extends MigrationException {
    private static final long serialVersionUID = 1L;

    /** The module of the failed migration. */
    private final String module;
    /** The version of the failed migration. */
    private final String version;
    /** The file or class of the failed migration. */
    private final String script;
    /** The 1-based number of the failing statement, or 0. */
    private final int statementNumber;
    /** Whether the database is as it was before the migration. */
    private final boolean rolledBack;

    /**
     * Creates the exception.
     *
     * @param message         the full message: migration, statement, the database's message, what to do
     * @param module          the module of the failed migration
     * @param version         the version of the failed migration
     * @param script          the file or class name of the failed migration
     * @param statementNumber the 1-based number of the failing statement in its file, or 0 for a Java migration
     * @param rolledBack      true when the database is exactly as before the migration
     * @param cause           the database's or the migration's exception
     */
    public MigrationFailedException(String message, String module, String version, String script,
                                    int statementNumber, boolean rolledBack, Throwable cause) {
        super(message, cause);
        this.module = module;
        this.version = version;
        this.script = script;
        this.statementNumber = statementNumber;
        this.rolledBack = rolledBack;
    }

    /**
     * The module of the failed migration.
     *
     * @return the module name
     */
    public String module() {
        return module;
    }

    /**
     * The version of the failed migration.
     *
     * @return the version as text
     */
    public String version() {
        return version;
    }

    /**
     * The file or class of the failed migration.
     *
     * @return the name recorded in the history table
     */
    public String script() {
        return script;
    }

    /**
     * The failing statement's position.
     *
     * @return the 1-based number of the failing statement in its file, or 0 for a Java migration
     */
    public int statementNumber() {
        return statementNumber;
    }

    /**
     * Whether the failure left the database as it was.
     *
     * @return true when the database is exactly as before the migration; false when a failed row was recorded
     */
    public boolean rolledBack() {
        return rolledBack;
    }
}
