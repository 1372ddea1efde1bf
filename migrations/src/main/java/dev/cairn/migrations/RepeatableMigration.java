package dev.cairn.migrations;

import java.util.Objects;

/**
 * A repeatable SQL migration ({@code R__name.sql}, Flyway's convention): it has no version, and is applied after
 * the versioned migrations whenever its checksum differs from the one recorded, typically to recreate views or
 * functions. Immutable and thread-safe.
 *
 * @param description the description, from the file name; identifies it within its module
 * @param script the file or resource name
 * @param sql the SQL text as written (placeholders not yet replaced)
 */
public record RepeatableMigration(String description, String script, String sql) implements Migration {

    /**
     * Checks that no value is missing.
     *
     * @param description the description, from the file name; identifies it within its module
     * @param script the file or resource name
     * @param sql the SQL text as written (placeholders not yet replaced)
     * @throws NullPointerException naming the missing value
     */
    public RepeatableMigration {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(sql, "sql of " + script);
    }

    /** Always null: a repeatable migration has no version. */
    @Override
    public MigrationVersion version() {
        return null;
    }
}
