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
        return value;
    }

    /** The first path inside {@code value} that holds something not JSON-able, if any. */
    static Optional<String> firstNonJson(String path, Object value, int depth) {
        if (depth > 32) {
            return Optional.of(path + " (nested deeper than 32 levels)");
        }
        if (value == null || value instanceof String || value instanceof Boolean
                || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger || value instanceof BigDecimal) {
            return Optional.empty();
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
