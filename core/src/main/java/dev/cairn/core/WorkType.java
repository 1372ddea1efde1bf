package dev.cairn.core;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kind of work a node stands for. {@code development} is accepted for {@link #IMPLEMENTATION} and
 * {@code operations} for {@link #OPS}. Immutable and thread-safe.
 */
public enum WorkType {
    /** Designing the structure of a system. */
    ARCHITECTURE,
    /** Writing a specification. */
    SPEC,
    /** Designing an interface. */
    INTERFACE,
    /** Checking that something works as specified. */
    VALIDATION,
    /** Writing the code; {@code development} means this too. */
    IMPLEMENTATION,
    /** Writing documentation. */
    DOCS,
    /** Running and deploying; {@code operations} means this too. */
    OPS,
    /** Reshaping code without changing what it does. */
    REFACTOR,
    /** Upkeep, such as upgrading a dependency. */
    CHORE,
    /** Writing tests. */
    TEST;

    /** {@return the name written to files and databases, such as {@code implementation}} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a work type by name, ignoring case, with the aliases {@code development} and
     * {@code operations}.
     *
     * @param text a work type's name or alias
     * @return the work type
     * @throws ValidationException naming the value and the accepted names when nothing matches
     */
    public static WorkType parse(String text) {
        return find(text).orElseThrow(() -> new ValidationException(Violation.of("workType", text,
                "must be one of " + Stream.of(values()).map(WorkType::wireName).toList()
                        + " (or development, operations)")));
    }

    /**
     * Like {@link #parse(String)}, but empty when nothing matches.
     *
     * @param text a work type's name or alias
     * @return the work type, or empty
     */
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
