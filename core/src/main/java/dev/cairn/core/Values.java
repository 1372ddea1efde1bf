package dev.cairn.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deep, unmodifiable copies of JSON-able values: null, strings, numbers, booleans, lists and maps. */
final class Values {
    private Values() {
    }

    static Map<String, Object> freezeMap(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, freeze(value)));
        return Collections.unmodifiableMap(copy);
    }

    static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), freeze(item)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(freeze(item)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Number number) {
            return canonical(number);
        }
        return value;
    }

    /**
     * A number as a JSON parser reads it back: whole numbers as Integer, Long or BigInteger by size, a
     * Float as the Double of its text, a BigDecimal as a Double. Stores keep custom fields as JSON; without this, the memory store
     * would return a Long 42 where every SQL store returns an Integer 42.
     */
    private static Object canonical(Number number) {
        if (number instanceof Byte || number instanceof Short || number instanceof Integer) {
            return number.intValue();
        }
        if (number instanceof Long || number instanceof BigInteger) {
            BigInteger whole = number instanceof BigInteger big ? big : BigInteger.valueOf(number.longValue());
            if (whole.bitLength() < Integer.SIZE) {
                return whole.intValue();
            }
            return whole.bitLength() < Long.SIZE ? (Object) whole.longValue() : whole;
        }
        if (number instanceof Float single && Float.isFinite(single)) {
            return Double.valueOf(Float.toString(single));
        }
        if (number instanceof BigDecimal decimal) {
            // Written as its text, read back by scale: 42 as a whole number, 4.20 as a Double.
            if (decimal.scale() <= 0) {
                return canonical(decimal.toBigIntegerExact());
            }
            double approximate = decimal.doubleValue();
            return Double.isFinite(approximate) ? (Object) approximate : decimal;
        }
        return number;
    }

    /** The first path inside {@code value} that holds something not JSON-able, if any. */
    static Optional<String> firstNonJson(String path, Object value, int depth) {
        if (depth > 32) {
            return Optional.of(path + " (nested deeper than 32 levels)");
        }
        if (value instanceof String text) {
            return text.indexOf('\0') >= 0 ? Optional.of(path + " (a string with a NUL character)") : Optional.empty();
        }
        if (value == null || value instanceof Boolean
                || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            return Optional.empty();
        }
        if (value instanceof BigDecimal) {
            return Optional.of(path + " (a decimal too large for a double)");
        }
        if (value instanceof Double number) {
            return number.isNaN() || number.isInfinite() ? Optional.of(path) : Optional.empty();
        }
        if (value instanceof Float number) {
            return number.isNaN() || number.isInfinite() ? Optional.of(path) : Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    return Optional.of(path + " (a key that is not a string)");
                }
                Optional<String> found = firstNonJson(path + "." + key, entry.getValue(), depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Optional<String> found = firstNonJson(path + "[" + i + "]", list.get(i), depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        return Optional.of(path + " (a " + value.getClass().getSimpleName() + ")");
    }
}
