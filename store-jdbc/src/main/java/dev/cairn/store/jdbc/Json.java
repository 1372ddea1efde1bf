package dev.cairn.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.StoreException;
import java.util.List;
import java.util.Map;

/**
 * JSON text for the columns that hold JSON-able values: custom fields, event details, a command's
 * environment and artifacts. Thread-safe.
 *
 * <p>Numbers come back as a JSON parser reads them (Integer, Long or BigInteger by size, Double), which is
 * what core canonicalizes every stored value to, so a value reads back equal to what was written.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    private Json() {
    }

    /** The text of {@code value}, or null for an empty map or list, so that "nothing" is stored as NULL. */
    static String write(Object value) {
        if (value == null || value instanceof Map<?, ?> map && map.isEmpty()
                || value instanceof List<?> list && list.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("Cannot write a value as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> readObject(String text) {
        return text == null ? Map.of() : read(text, OBJECT);
    }

    static Map<String, String> readStrings(String text) {
        return text == null ? Map.of() : read(text, STRINGS);
    }

    static List<String> readStringList(String text) {
        return text == null ? List.of() : read(text, STRING_LIST);
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("A JSON column holds text that is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
