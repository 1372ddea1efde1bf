package dev.cairn.core;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** How much a node matters. {@code med} is accepted for {@link #MEDIUM}. Immutable and thread-safe. */
public enum Severity {
    /** Can wait. */
    LOW,
    /** The usual. */
    MEDIUM,
    /** Should come first. */
    HIGH,
    /** Blocks something that matters. */
    CRITICAL;

    /** {@return the name written to files and databases, such as {@code medium}} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a severity by name, ignoring case; {@code med} means medium.
     *
     * @param text a severity's name
     * @return the severity
     * @throws ValidationException naming the value and the accepted names when nothing matches
     */
    public static Severity parse(String text) {
        return find(text).orElseThrow(() -> new ValidationException(Violation.of("severity", text,
                "must be one of " + Stream.of(values()).map(Severity::wireName).toList() + " (or med)")));
    }

    /**
     * Like {@link #parse(String)}, but empty when nothing matches.
     *
     * @param text a severity's name
     * @return the severity, or empty
     */
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
