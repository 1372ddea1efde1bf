package dev.cairn.migrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * The primary key of a table. Immutable and thread-safe.
 *
 * @param name    the constraint's name, or null where the database keeps none (SQLite)
 * @param columns its columns, in key order
 */
public record PrimaryKey(String name, List<String> columns) {
    /**
     * Copies the columns.
     *
     * @param name    the constraint's name, or null where the database keeps none (SQLite)
     * @param columns its columns, in key order
     */
    public PrimaryKey {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    }
}
