package dev.cairn.core.io;

import dev.cairn.core.NodeIds;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed access to the fields of one value a {@link ValueReader} read, such as a node: each mistake is reported
 * once, to the reader's problems, with its path and line, and read as {@code null}. Used by one thread for one
 * value.
 */
final class FieldReader {
    private final ValueReader reader;
    private final String at;
    private boolean failed;

    FieldReader(ValueReader reader, String at) {
        this.reader = reader;
        this.at = at;
    }

    void problem(String field, Object value, String rule) {
        failed = true;
        String path = at.isEmpty() ? field : field.isEmpty() ? at : at + "." + field;
        reader.problems().add(reader.source(), reader.line(path), path, value, rule);
    }

    /** Whether a problem was found in the value: reported here, or read as {@link ValueReader#INVALID}. */
    boolean failed() {
        return failed;
    }

    private boolean invalid(Object value) {
        if (value == ValueReader.INVALID) {
            failed = true;
            return true;
        }
        return false;
    }

    void unknown(String path, Map<String, Object> fields, Set<String> known) {
        for (String name : fields.keySet()) {
            if (!known.contains(name)) {
                problem(path.isEmpty() ? name : path + "." + name, null, "is not a field here; known: "
                        + known.stream().sorted().toList()
                        + (path.isEmpty() ? " (custom fields go under metadata)" : ""));
            }
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String field, Object value) {
        if (value == null || invalid(value)) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        problem(field, describe(value), "must be a map of fields");
        return null;
    }

    String text(String field, Object value) {
        if (value == null || invalid(value)) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        problem(field, describe(value), "must be text");
        return null;
    }

    List<String> texts(String field, Object value) {
        if (value == null || invalid(value)) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            problem(field, describe(value), "must be a list of text");
            return null;
        }
        List<String> texts = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String text = text(field + "[" + i + "]", list.get(i));
            if (text == null && list.get(i) == null) {
                problem(field + "[" + i + "]", null, "must be text");
            }
            texts.add(text);
        }
        return texts.contains(null) ? null : texts;
    }

    List<String> ids(String field, Object value) {
        return ids(field, value, false);
    }

    /** The ids of a list of links; {@code asWritten} keeps what is no node id, for a lenient import to keep. */
    List<String> ids(String field, Object value, boolean asWritten) {
        List<String> ids = texts(field, value);
        if (ids == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (!asWritten && NodeIds.layerOf(id).isEmpty()) {
                problem(field + "[" + i + "]", id, "must be a node id: a layer prefix, '-', and 1 to 64 of "
                        + "A-Z a-z 0-9 _ -");
            } else if (!seen.add(id)) {
                problem(field + "[" + i + "]", id, "is named twice");
            }
        }
        return List.copyOf(seen);
    }

    <T> T parse(String field, Object value, Function<String, Optional<T>> finder,
            String accepted) {
        String text = text(field, value);
        if (text == null) {
            return null;
        }
        Optional<T> found = finder.apply(text);
        if (found.isEmpty()) {
            problem(field, text, "must be one of " + accepted);
            return null;
        }
        return found.get();
    }

    Integer integer(String field, Object value) {
        Long number = longValue(field, value);
        if (number == null) {
            return null;
        }
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            problem(field, number, "must be between 0 and 100");
            return null;
        }
        return number.intValue();
    }

    Long longValue(String field, Object value) {
        if (value == null || invalid(value)) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger || value instanceof BigDecimal || value instanceof Double
                || value instanceof Float) {
            problem(field, value, "must be a whole number in range");
            return null;
        }
        problem(field, describe(value), "must be a whole number");
        return null;
    }

    Instant instant(String field, Object value) {
        String text = text(field, value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                problem(field, text, "must be an ISO 8601 date or time, such as 2026-03-01 or "
                        + "2026-03-01T09:00:00Z");
                return null;
            }
        }
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "{…}";
        }
        if (value instanceof Collection<?>) {
            return "[…]";
        }
        return String.valueOf(value);
    }
}
