package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import java.util.List;

/**
 * Splits a script into statements at semicolons that are code: not inside comments, quoted strings or
 * identifiers, PostgreSQL dollar-quoted bodies, SQLite trigger bodies or PostgreSQL {@code BEGIN ATOMIC}
 * bodies. Immutable and thread-safe.
 */
public final class StatementSplitter {
    private final Dialect dialect;

    private StatementSplitter(Dialect dialect) {
        this.dialect = dialect;
    }

    public static StatementSplitter forDialect(Dialect dialect) {
        return new StatementSplitter(dialect);
    }

    public List<SqlStatement> split(String script) {
        return new ScriptScanner(dialect, script).run();
    }
}
