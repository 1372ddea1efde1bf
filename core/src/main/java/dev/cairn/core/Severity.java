package dev.cairn.core;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** How much a node matters. {@code med} is accepted for {@link #MEDIUM}. Immutable and thread-safe. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** The name written to files and databases, such as {@code medium}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a severity by name, ignoring case; {@code med} means medium.
     *
     * @throws ValidationException naming the value and the accepted names when nothing matches
     */
    public static Severity parse(String text) {
        return find(text).orElseThrow(() -> new ValidationException(Violation.of("severity", text,
                "must be one of " + Stream.of(values()).map(Severity::wireName).toList() + " (or med)")));
    }

    /** Like {@link #parse(String)}, but empty when nothing matches. */
    public static Optional<Severity> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT);
        if (key.equals("MED")) {
            return Optional.of(MEDIUM);
        }
        return Stream.of(values()).filter(severity -> severity.name().equals(key)).findFirst();
    }
}
