package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.JavaMigration;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.RepeatableMigration;
import dev.cairn.migrations.SqlMigration;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * @param notes what the engine did differently from the script's text, such as psql meta-commands skipped
 */
record MigrationWork(String script, List<SqlStatement> statements, JavaMigration java, boolean undo,
                     boolean outsideTransaction, boolean foreignKeysOff, List<String> notes) {
    /** The psql meta-commands a plain {@code pg_dump} writes (15.14+, 16.10+, 17.6+); they guard psql, not SQL. */
    private static final Set<String> SKIPPED_META_COMMANDS = Set.of("\\restrict", "\\unrestrict");
    private static final Logger LOG = LoggerFactory.getLogger(MigrationWork.class);
    /** {@code PASSWORD 'x'} of CREATE ROLE, ALTER USER and the like: a statement logged must not show it. */
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password\\s*(?:=\\s*)?)('[^']*'?|[^\\s;,)]+)");

    static MigrationWork of(ResolvedMigration migration, boolean undo, Dialect dialect, int serverMajorVersion,
                            Map<String, String> placeholders) {
        if (migration.migration() instanceof JavaMigration java) {
            if (undo && !java.canUndo()) {
                throw new MigrationConfigurationException("Cannot undo " + migration.label()
                        + ": the Java migration does not implement undo.");
            }
            return new MigrationWork(java.script(), List.of(), java, undo, !java.transactional(), false, List.of());
        }
        String script;
        String text;
        if (migration.migration() instanceof RepeatableMigration repeatable) {
            script = repeatable.script();
            text = repeatable.sql();
        } else {
            SqlMigration sql = (SqlMigration) migration.migration();
            if (undo && !sql.canUndo()) {
                throw new MigrationConfigurationException("Cannot undo " + migration.label() + ": there is no undo"
                        + " file U" + sql.version() + "__" + sql.description().replace(' ', '_') + ".sql.");
            }
            script = undo ? sql.undoScript() : sql.script();
            text = undo ? sql.undoSql() : sql.sql();
        }
        return ofText(script, text, undo, dialect, serverMajorVersion, placeholders);
    }

    /** The work of SQL text: a migration's, a repeatable's or a callback file's. */
    static MigrationWork ofText(String script, String text, boolean undo, Dialect dialect, int serverMajorVersion,
                                Map<String, String> placeholders) {
        List<SqlStatement> statements = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        // Split first, then replace placeholders in SQL only: a COPY block's data is kept byte for byte.
        for (SqlStatement statement : StatementSplitter.forDialect(dialect).split(text)) {
            switch (statement.kind()) {
                case SQL -> statements.add(new SqlStatement(statement.number(), statement.line(),
                        Placeholders.replace(statement.sql(), placeholders, script)));
                case COPY_IN -> statements.add(new SqlStatement(statement.number(), statement.line(),
                        Placeholders.replace(statement.sql(), placeholders, script), SqlStatement.Kind.COPY_IN,
                        statement.copyData()));
                case META -> notes.add(metaCommandNote(script, statement));
            }
        }
        boolean outside = TransactionMode.outsideTransaction(dialect, serverMajorVersion, script, text, statements);
        if (dialect == Dialect.SQLITE && !outside) {
            SqlitePragmas.Inspected pragmas = SqlitePragmas.inspect(script, statements);
            return new MigrationWork(script, pragmas.statements(), null, undo, false, pragmas.foreignKeysOff(),
                    List.copyOf(notes));
        }
        return new MigrationWork(script, List.copyOf(statements), null, undo, outside, false, List.copyOf(notes));
    }

    /** @throws MigrationConfigurationException for a meta-command other than pg_dump's, which psql alone runs */
    private static String metaCommandNote(String script, SqlStatement meta) {
        String command = meta.sql().split("\\s+", 2)[0];
        if (!SKIPPED_META_COMMANDS.contains(command)) {
            throw new MigrationConfigurationException(script + " line " + meta.line() + " holds the psql"
                    + " meta-command " + command + ", which is no SQL and which Cairn does not run. Remove it (only"
                    + " pg_dump's \\restrict and \\unrestrict are skipped), or run the file with psql.");
        }
        return "Skipped the psql meta-command " + command + " on line " + meta.line() + " of " + script
                + " (pg_dump's guard against a malicious server; it means nothing outside psql).";
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
                if (LOG.isDebugEnabled()) {
                    LOG.debug("Running {} statement {} (line {}): {}", script, sql.number(), sql.line(),
                            PASSWORD.matcher(sql.firstLine()).replaceAll("$1****"));
                }
                try {
                    if (sql.kind() == SqlStatement.Kind.COPY_IN) {
                        PostgresCopy.copyIn(connection, sql.sql(), sql.copyData());
                    } else {
                        statement.execute(sql.sql());
                    }
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
