package dev.cairn.migrations.internal;

/**
 * One statement of a script. Immutable and thread-safe.
 *
 * @param number 1-based position in the script
 * @param line 1-based line where the statement starts
 * @param sql the statement text, without the terminating semicolon
 */
public record SqlStatement(int number, int line, String sql) {

    /** The statement's first line, for error messages. */
    public String firstLine() {
        int end = sql.indexOf('\n');
        return (end < 0 ? sql : sql.substring(0, end)).strip();
    }
}
