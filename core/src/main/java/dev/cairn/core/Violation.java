package dev.cairn.core;

import java.util.Objects;

/**
 * One broken rule: the field, the value found there and the rule it breaks. Immutable and thread-safe.
 *
 * @param field the field's path, such as {@code progress} or {@code command.acRef}
 * @param value the offending value as text, or {@code null} when it was missing
 * @param rule  what the value must be, such as {@code must be between 0 and 100}
 */
public record Violation(String field, String value, String rule) {
    private static final int MAX_VALUE_LENGTH = 80;

    /**
     * Creates a {@code Violation}, checking its components.
     *
     * @param field the field's path, such as {@code progress} or {@code command.acRef}
     * @param value the offending value as text, or {@code null} when it was missing
     * @param rule  what the value must be, such as {@code must be between 0 and 100}
     */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * A violation whose value is shown in its text form, cut short when it is long.
     *
     * @param field the field's path, such as {@code progress}
     * @param value the offending value, or {@code null} when it was missing
     * @param rule  what the value must be
     * @return the violation
     */
    public static Violation of(String field, Object value, String rule) {
        return new Violation(field, value == null ? null : shorten(String.valueOf(value)), rule);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH) + "…";
    }

    @Override
    public String toString() {
        return field + (value == null ? " (missing)" : " = '" + value + "'") + ": " + rule;
    }
}
