package dev.cairn.migrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * An enum type (PostgreSQL). Immutable and thread-safe.
 *
 * @param name   the type's name
 * @param labels its labels, in their sort order
 */
public record EnumType(String name, List<String> labels) {
    /**
     * Checks that the required values are present and copies the labels.
     *
     * @param name   the type's name
     * @param labels its labels, in their sort order
     */
    public EnumType {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
    }
}
