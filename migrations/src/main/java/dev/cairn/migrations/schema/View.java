package dev.cairn.migrations.schema;

import java.util.Objects;

/**
 * A view or a materialized view. Immutable and thread-safe.
 *
 * @param name         the view's name
 * @param definition   its query (PostgreSQL: as {@code pg_get_viewdef} prints it; SQLite: the statement as
 *                     written), whitespace normalised
 * @param materialized whether it is a materialized view
 */
public record View(String name, String definition, boolean materialized) {
    /**
     * Checks that the name and definition are present.
     *
     * @param name         the view's name
     * @param definition   its query (PostgreSQL: as {@code pg_get_viewdef} prints it; SQLite: the statement as
     *                     written), whitespace normalised
     * @param materialized whether it is a materialized view
     */
    public View {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
    }
}
