package dev.cairn.migrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * An index that backs no constraint (those are part of their {@link Table}). Immutable and thread-safe.
 *
 * @param name      the index's name
 * @param table     the table it indexes
 * @param keys      its keys in order: a column name or an expression, followed by {@code DESC}, a collation or
 *                  {@code NULLS FIRST|LAST} where given
 * @param unique    whether it is unique
 * @param predicate the condition of a partial index, or null
 * @param method    the access method ({@code btree}, {@code gin}, …), or null where the database has one only
 */
public record Index(String name, String table, List<String> keys, boolean unique, String predicate, String method) {
    /**
     * Checks that the required values are present and copies the keys.
     *
     * @param name      the index's name
     * @param table     the table it indexes
     * @param keys      its keys in order: a column name or an expression, followed by {@code DESC}, a collation or
     *                  {@code NULLS FIRST|LAST} where given
     * @param unique    whether it is unique
     * @param predicate the condition of a partial index, or null
     * @param method    the access method ({@code btree}, {@code gin}, …), or null where the database has one only
     */
    public Index {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
    }
}
