package dev.cairn.core;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kind of work a node stands for. {@code development} is accepted for {@link #IMPLEMENTATION} and
 * {@code operations} for {@link #OPS}. Immutable and thread-safe.
 */
public enum WorkType {
    ARCHITECTURE,
    SPEC,
    INTERFACE,
    VALIDATION,
    IMPLEMENTATION,
    DOCS,
    OPS,
    REFACTOR,
    CHORE,
    TEST;

    /** The name written to files and databases, such as {@code implementation}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a work type by name, ignoring case, with the aliases {@code development} and
     * {@code operations}.
     *
     * @throws ValidationException naming the value and the accepted names when nothing matches
     */
    public static WorkType parse(String text) {
        return find(text).orElseThrow(() -> new ValidationException(Violation.of("workType", text,
                "must be one of " + Stream.of(values()).map(WorkType::wireName).toList()
                        + " (or development, operations)")));
    }

    /** Like {@link #parse(String)}, but empty when nothing matches. */
    public static Optional<WorkType> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT);
        switch (key) {
            case "DEVELOPMENT":
                return Optional.of(IMPLEMENTATION);
            case "OPERATIONS":
                return Optional.of(OPS);
            default:
                return Stream.of(values()).filter(type -> type.name().equals(key)).findFirst();
        }
    }
}
