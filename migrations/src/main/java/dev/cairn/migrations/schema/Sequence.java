package dev.cairn.migrations.schema;

import java.util.Objects;

/**
 * A sequence (not the one behind an identity column, which is part of its {@link Column}). Immutable and
 * thread-safe.
 *
 * @param name      the sequence's name
 * @param dataType  its type ({@code bigint}, {@code integer}, …)
 * @param start     its start value
 * @param increment its increment
 * @param minimum   its minimum value
 * @param maximum   its maximum value
 * @param cache     how many values a session caches
 * @param cycle     whether it wraps around
 */
public record Sequence(String name, String dataType, long start, long increment, long minimum, long maximum,
                       long cache, boolean cycle) {
    /**
     * Checks that the name and data type are present.
     *
     * @param name      the sequence's name
     * @param dataType  its type ({@code bigint}, {@code integer}, …)
     * @param start     its start value
     * @param increment its increment
     * @param minimum   its minimum value
     * @param maximum   its maximum value
     * @param cache     how many values a session caches
     * @param cycle     whether it wraps around
     */
    public Sequence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
    }
}
