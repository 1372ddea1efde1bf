package dev.cairn.migrations.schema;

import java.util.Objects;

/**
 * A trigger. Immutable and thread-safe.
 *
 * @param name       the trigger's name
 * @param table      the table or view it fires on
 * @param definition the statement that creates it, whitespace normalised (PostgreSQL: as
 *                   {@code pg_get_triggerdef} prints it; the body is the {@link Routine} it executes)
 */
public record Trigger(String name, String table, String definition) {
    /**
     * Checks that every value is present.
     *
     * @param name       the trigger's name
     * @param table      the table or view it fires on
     * @param definition the statement that creates it, whitespace normalised (PostgreSQL: as
     *                   {@code pg_get_triggerdef} prints it; the body is the {@link Routine} it executes)
     */
    public Trigger {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(definition, "definition");
    }

    /**
     * The key of this trigger in {@link SchemaSnapshot#triggers()}: PostgreSQL names triggers per table.
     *
     * @return {@code table.name}
     */
    public String key() {
        return table + "." + name;
    }
}
