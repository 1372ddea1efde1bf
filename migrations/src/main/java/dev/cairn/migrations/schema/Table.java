package dev.cairn.migrations.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A table with its columns and constraints. Columns keep the table's order (it is part of the schema:
 * {@code SELECT *} and {@code INSERT} without names see it); constraints are sorted by name, then by columns or
 * expression, so the order they were created in does not matter. Immutable and thread-safe.
 *
 * @param name              the table's name
 * @param columns           its columns, in the table's order
 * @param primaryKey        its primary key, or null
 * @param uniqueConstraints its unique constraints
 * @param foreignKeys       its foreign keys
 * @param checks            its check constraints, those written on a column included
 * @param options           what the table is beyond its columns, in the database's words: {@code WITHOUT ROWID} and
 *                          {@code STRICT} on SQLite; {@code UNLOGGED}, {@code PARTITION BY …} and
 *                          {@code PARTITION OF … FOR VALUES …} on PostgreSQL
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniqueConstraints,
                    List<ForeignKey> foreignKeys, List<CheckConstraint> checks, List<String> options) {
    private static final Comparator<String> NULL_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    /**
     * Checks that the required values are present, copies the columns and sorts the constraints.
     *
     * @param name              the table's name
     * @param columns           its columns, in the table's order
     * @param primaryKey        its primary key, or null
     * @param uniqueConstraints its unique constraints
     * @param foreignKeys       its foreign keys
     * @param checks            its check constraints, those written on a column included
     * @param options           what the table is beyond its columns, in the database's words: {@code WITHOUT ROWID} and
     *                          {@code STRICT} on SQLite; {@code UNLOGGED}, {@code PARTITION BY …} and
     *                          {@code PARTITION OF … FOR VALUES …} on PostgreSQL
     */
    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        uniqueConstraints = sorted(uniqueConstraints, Comparator.comparing(UniqueConstraint::name, NULL_FIRST)
                .thenComparing(unique -> String.join(",", unique.columns())));
        foreignKeys = sorted(foreignKeys, Comparator.comparing(ForeignKey::name, NULL_FIRST)
                .thenComparing(key -> String.join(",", key.columns()))
                .thenComparing(ForeignKey::referencedTable)
                .thenComparing(key -> String.join(",", key.referencedColumns())));
        checks = sorted(checks, Comparator.comparing(CheckConstraint::name, NULL_FIRST)
                .thenComparing(CheckConstraint::expression));
        options = List.copyOf(Objects.requireNonNull(options, "options"));
    }

    /**
     * A table with no options.
     *
     * @param name              the table's name
     * @param columns           its columns, in the table's order
     * @param primaryKey        its primary key, or null
     * @param uniqueConstraints its unique constraints
     * @param foreignKeys       its foreign keys
     * @param checks            its check constraints
     */
    public Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniqueConstraints,
                 List<ForeignKey> foreignKeys, List<CheckConstraint> checks) {
        this(name, columns, primaryKey, uniqueConstraints, foreignKeys, checks, List.of());
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        return Objects.requireNonNull(items, "constraints").stream().sorted(order).toList();
    }

    /**
     * The column named {@code name}.
     *
     * @param name the column's name, compared exactly
     * @return the column, or null when the table has none of that name
     */
    public Column column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst().orElse(null);
    }
}
