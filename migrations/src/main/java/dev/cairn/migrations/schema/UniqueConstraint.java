package dev.cairn.migrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * A unique constraint of a table (not a unique index: see {@link Index}). Immutable and thread-safe.
 *
 * @param name    the constraint's name, or null where the database keeps none (SQLite)
 * @param columns its columns, in key order
 */
public record UniqueConstraint(String name, List<String> columns) {
    /**
     * Copies the columns.
     *
     * @param name    the constraint's name, or null where the database keeps none (SQLite)
     * @param columns its columns, in key order
     */
    public UniqueConstraint {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    }
}
