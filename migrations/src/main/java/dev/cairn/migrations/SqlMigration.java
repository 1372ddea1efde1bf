package dev.cairn.migrations;

import java.util.Objects;

/**
 * A migration made of SQL text, with optional undo SQL. Immutable and thread-safe.
 *
 * @param version the version, unique within the module
 * @param description a short description
 * @param script the file or resource name, recorded in the history table
 * @param sql the SQL text as written (placeholders not yet replaced)
 * @param undoScript the undo file name, or null
 * @param undoSql the undo SQL text, or null when the migration cannot be undone
 */
public record SqlMigration(MigrationVersion version, String description, String script, String sql,
                           String undoScript, String undoSql) implements Migration {

    /**
     * Checks that no value is missing; a null description becomes empty.
     *
     * @param version the version, unique within the module
     * @param description a short description
     * @param script the file or resource name, recorded in the history table
     * @param sql the SQL text as written (placeholders not yet replaced)
     * @param undoScript the undo file name, or null
     * @param undoSql the undo SQL text, or null when the migration cannot be undone
     * @throws NullPointerException naming the missing value
     */
    public SqlMigration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(sql, "sql of " + script);
        description = description == null ? "" : description;
    }

    /**
     * A migration without undo.
     *
     * @param version     the version as written, such as {@code 1.2}
     * @param description a short description
     * @param script      the file or resource name, recorded in the history table
     * @param sql         the SQL text
     * @return the migration
     */
    public static SqlMigration of(String version, String description, String script, String sql) {
        return new SqlMigration(MigrationVersion.parse(version), description, script, sql, null, null);
    }

    /**
     * This migration with the given undo SQL.
     *
     * @param newUndoScript the undo file name
     * @param newUndoSql    the undo SQL text
     * @return a copy with the undo set
     */
    public SqlMigration withUndo(String newUndoScript, String newUndoSql) {
        return new SqlMigration(version, description, script, sql, newUndoScript, newUndoSql);
    }

    /**
     * Whether undo SQL is present.
     *
     * @return true when the migration can be undone
     */
    public boolean canUndo() {
        return undoSql != null;
    }
}
