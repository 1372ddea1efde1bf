package dev.cairn.core.io;

import java.util.Objects;

/**
 * One thing wrong with what an import was given: where (the file and, where the parser tells it, the line),
 * the field's path in the file, the value found and the rule it breaks. Immutable and thread-safe.
 *
 * @param source the file, as the caller named it, or its path inside a tree
 * @param line   the line, from 1, or 0 when unknown
 * @param field  the field's path, such as {@code metadata.severity} or {@code links.parents[2]}; empty for
 *               the file as a whole
 * @param value  the offending value as text, cut short when long, or {@code null} when missing
 * @param rule   what it must be
 */
public record ImportProblem(String source, int line, String field, String value, String rule) {
    private static final int MAX_VALUE_LENGTH = 80;

    /**
     * Creates an {@code ImportProblem}, checking and copying its components.
     *
     * @param source the file, as the caller named it, or its path inside a tree
     * @param line   the line, from 1, or 0 when unknown
     * @param field  the field's path, such as {@code metadata.severity} or {@code links.parents[2]}; empty for
     *               the file as a whole
     * @param value  the offending value as text, cut short when long, or {@code null} when missing
     * @param rule   what it must be
     */
    public ImportProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            value = value.substring(0, MAX_VALUE_LENGTH) + "…";
        }
    }

    /** {@code plans/tasks/TSK-X.yaml:7: metadata.severity = 'urgent': must be one of …}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!field.isEmpty()) {
            text.append(field).append(value == null ? " (missing)" : " = '" + value + "'").append(": ");
        }
        return text.append(rule).toString();
    }
}
