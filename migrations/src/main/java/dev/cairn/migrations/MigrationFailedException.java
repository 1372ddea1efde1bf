package dev.cairn.migrations;

/**
 * A migration failed while running. The message names the module, version, file, statement number and
 * first line, the database's message, and whether the database was rolled back or needs {@code repair}.
 * Immutable and thread-safe.
 */
public class MigrationFailedException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final String module;
    private final String version;
    private final String script;
    private final int statementNumber;
    private final boolean rolledBack;

    public MigrationFailedException(String message, String module, String version, String script,
                                    int statementNumber, boolean rolledBack, Throwable cause) {
        super(message, cause);
        this.module = module;
        this.version = version;
        this.script = script;
        this.statementNumber = statementNumber;
        this.rolledBack = rolledBack;
    }

    public String module() {
        return module;
    }

    public String version() {
        return version;
    }

    public String script() {
        return script;
    }

    /** The 1-based number of the failing statement in its file, or 0 for a Java migration. */
    public int statementNumber() {
        return statementNumber;
    }

    /** True when the database is exactly as before the migration; false when a failed row was recorded. */
    public boolean rolledBack() {
        return rolledBack;
    }
}
