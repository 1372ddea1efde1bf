package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.JavaMigration;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.SqlMigration;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * What running one migration (or its undo) means: SQL statements or Java code, and whether it runs
 * outside a transaction. Not thread-safe.
 *
 * @param script the file or class name
 * @param statements the statements of a SQL migration, else empty
 * @param java the Java migration, else null
 * @param undo whether this is the undo direction
 * @param outsideTransaction whether it must run outside a transaction
 * @param foreignKeysOff whether it runs with foreign keys off (SQLite's {@code PRAGMA foreign_keys = OFF},
 *     which only takes effect outside a transaction, so the engine sets it around the migration's one)
 */
record MigrationWork(String script, List<SqlStatement> statements, JavaMigration java, boolean undo,
                     boolean outsideTransaction, boolean foreignKeysOff) {

    static MigrationWork of(ResolvedMigration migration, boolean undo, Dialect dialect, int serverMajorVersion,
                            Map<String, String> placeholders) {
        if (migration.migration() instanceof JavaMigration java) {
            if (undo && !java.canUndo()) {
                throw new MigrationConfigurationException("Cannot undo " + migration.label()
                        + ": the Java migration does not implement undo.");
            }
            return new MigrationWork(java.script(), List.of(), java, undo, !java.transactional(), false);
        }
        SqlMigration sql = (SqlMigration) migration.migration();
        if (undo && !sql.canUndo()) {
            throw new MigrationConfigurationException("Cannot undo " + migration.label() + ": there is no undo file U"
                    + sql.version() + "__" + sql.description().replace(' ', '_') + ".sql.");
        }
        String script = undo ? sql.undoScript() : sql.script();
        String text = undo ? sql.undoSql() : sql.sql();
        List<SqlStatement> statements = StatementSplitter.forDialect(dialect)
                .split(Placeholders.replace(text, placeholders, script));
        boolean outside = TransactionMode.outsideTransaction(dialect, serverMajorVersion, script, text, statements);
        if (dialect == Dialect.SQLITE && !outside) {
            SqlitePragmas.Inspected pragmas = SqlitePragmas.inspect(script, statements);
            return new MigrationWork(script, pragmas.statements(), null, undo, false, pragmas.foreignKeysOff());
        }
        return new MigrationWork(script, statements, null, undo, outside, false);
    }

    void run(Connection connection) throws StepFailure {
        if (java != null) {
            try {
                if (undo) {
                    java.undo(connection);
                } else {
                    java.migrate(connection);
                }
            } catch (Exception failure) {
                throw new StepFailure(0, "Java code of " + script, failure);
            }
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (SqlStatement sql : statements) {
                try {
                    statement.execute(sql.sql());
                } catch (Exception failure) {
                    throw new StepFailure(sql.number(), "line " + sql.line() + ": " + sql.firstLine(), failure);
                }
            }
        } catch (java.sql.SQLException failure) {
            throw new StepFailure(0, "creating a statement", failure);
        }
    }

    /** A statement or Java migration that failed. */
    static final class StepFailure extends Exception {
        private static final long serialVersionUID = 1L;

        final int statementNumber;
        final String where;

        StepFailure(int statementNumber, String where, Throwable cause) {
            super(cause);
            this.statementNumber = statementNumber;
            this.where = where;
        }
    }
}
