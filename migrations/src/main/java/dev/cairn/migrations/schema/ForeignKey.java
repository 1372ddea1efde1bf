package dev.cairn.migrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key. Immutable and thread-safe.
 *
 * @param name              the constraint's name, or null where the database keeps none (SQLite)
 * @param columns           the referencing columns, in key order
 * @param referencedTable   the referenced table; qualified with its schema only when it lies in another one
 * @param referencedColumns the referenced columns, in key order
 * @param onDelete          the action on delete: {@code NO ACTION}, {@code RESTRICT}, {@code CASCADE},
 *                          {@code SET NULL} or {@code SET DEFAULT}
 * @param onUpdate          the action on update, spelled the same way
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                         String onDelete, String onUpdate) {
    /**
     * Checks that the required values are present and copies the column lists.
     *
     * @param name              the constraint's name, or null where the database keeps none (SQLite)
     * @param columns           the referencing columns, in key order
     * @param referencedTable   the referenced table; qualified with its schema only when it lies in another one
     * @param referencedColumns the referenced columns, in key order
     * @param onDelete          the action on delete: {@code NO ACTION}, {@code RESTRICT}, {@code CASCADE},
     *                          {@code SET NULL} or {@code SET DEFAULT}
     * @param onUpdate          the action on update, spelled the same way
     */
    public ForeignKey {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        Objects.requireNonNull(referencedTable, "referencedTable");
        referencedColumns = List.copyOf(Objects.requireNonNull(referencedColumns, "referencedColumns"));
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
    }
}
