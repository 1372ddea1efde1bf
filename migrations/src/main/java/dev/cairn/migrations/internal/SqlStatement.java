package dev.cairn.migrations.internal;

/**
 * One statement of a script. Immutable and thread-safe.
 *
 * @param number 1-based position in the script
 * @param line 1-based line where the statement starts
 * @param sql the statement text, without the terminating semicolon; for a psql meta-command its line
 * @param kind what it is
 * @param copyData for {@link Kind#COPY_IN}, the data lines up to (not including) the {@code \.} line, each
 *     ending with a newline, exactly as the script holds them; else null
 */
public record SqlStatement(int number, int line, String sql, Kind kind, String copyData) {

    /** What a statement is. */
    public enum Kind {
        /** A SQL statement. */
        SQL,
        /** {@code COPY … FROM stdin} with its data block, as plain {@code pg_dump} writes table data. */
        COPY_IN,
        /** A psql meta-command line, such as {@code \restrict KEY}. */
        META
    }

    public SqlStatement(int number, int line, String sql) {
        this(number, line, sql, Kind.SQL, null);
    }

    /** The statement's first line, for error messages. */
    public String firstLine() {
        int end = sql.indexOf('\n');
        return (end < 0 ? sql : sql.substring(0, end)).strip();
    }

    /** The statement as a script would hold it: with its semicolon, and a COPY's data block and end line. */
    public String asScript() {
        return switch (kind) {
            case SQL -> sql + ";";
            case COPY_IN -> sql + ";\n" + copyData + "\\.";
            case META -> sql;
        };
    }
}
