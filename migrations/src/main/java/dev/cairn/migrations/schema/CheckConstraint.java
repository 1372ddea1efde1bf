package dev.cairn.migrations.schema;

import java.util.Objects;

/**
 * A check constraint of a table or a column. Immutable and thread-safe.
 *
 * @param name       the constraint's name, or null for an unnamed check on SQLite
 * @param expression its condition, normalised ({@code (price > 0)} as PostgreSQL prints it, or the text written
 *                   between the parentheses of {@code CHECK} on SQLite, whitespace collapsed)
 */
public record CheckConstraint(String name, String expression) {
    /**
     * Checks that the expression is present.
     *
     * @param name       the constraint's name, or null for an unnamed check on SQLite
     * @param expression its condition, normalised ({@code (price > 0)} as PostgreSQL prints it, or the text written
     *                   between the parentheses of {@code CHECK} on SQLite, whitespace collapsed)
     */
    public CheckConstraint {
        Objects.requireNonNull(expression, "expression");
    }
}
