package dev.cairn.migrations.schema;

import java.util.Objects;

/**
 * A column of a table, as the database reports it. Immutable and thread-safe.
 *
 * @param name         the column's name
 * @param type         its type as the database spells it ({@code integer}, {@code character varying(200)},
 *                     or on SQLite the declared type as written)
 * @param nullable     whether it accepts null
 * @param defaultValue its default expression, or null for none
 * @param generated    the expression of a generated (computed) column, or null
 * @param identity     {@code ALWAYS} or {@code BY DEFAULT} for an identity column, or null
 * @param collation    its collation where it is not the type's default, or null
 */
public record Column(String name, String type, boolean nullable, String defaultValue, String generated,
                     String identity, String collation) {
    /**
     * Checks that the name and type are present.
     *
     * @param name         the column's name
     * @param type         its type as the database spells it ({@code integer}, {@code character varying(200)},
     *                     or on SQLite the declared type as written)
     * @param nullable     whether it accepts null
     * @param defaultValue its default expression, or null for none
     * @param generated    the expression of a generated (computed) column, or null
     * @param identity     {@code ALWAYS} or {@code BY DEFAULT} for an identity column, or null
     * @param collation    its collation where it is not the type's default, or null
     */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
