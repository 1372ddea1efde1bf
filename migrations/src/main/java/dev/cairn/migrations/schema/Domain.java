package dev.cairn.migrations.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A domain (PostgreSQL): a type with constraints. Immutable and thread-safe.
 *
 * @param name         the domain's name
 * @param baseType     the type it is based on
 * @param nullable     whether it accepts null
 * @param defaultValue its default expression, or null
 * @param collation    its collation where it is not the base type's default, or null
 * @param checks       its check constraints, sorted by name
 */
public record Domain(String name, String baseType, boolean nullable, String defaultValue, String collation,
                     List<CheckConstraint> checks) {
    /**
     * Checks that the required values are present and sorts the checks.
     *
     * @param name         the domain's name
     * @param baseType     the type it is based on
     * @param nullable     whether it accepts null
     * @param defaultValue its default expression, or null
     * @param collation    its collation where it is not the base type's default, or null
     * @param checks       its check constraints, sorted by name
     */
    public Domain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseType, "baseType");
        checks = Objects.requireNonNull(checks, "checks").stream()
                .sorted(Comparator.comparing(CheckConstraint::name, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(CheckConstraint::expression))
                .toList();
    }
}
