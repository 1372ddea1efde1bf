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
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Json() {
    }

    /** Made on first use: a read of nodes without custom fields, the usual case, never loads Jackson's databind. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** The text of {@code value}, or null for an empty map or list, so that "nothing" is stored as NULL. */
    static String write(Object value) {
        if (value == null || value instanceof Map<?, ?> map && map.isEmpty()
                || value instanceof List<?> list && list.isEmpty()) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            String flat = flatObject(map);
            if (flat != null) {
                return flat;
            }
        }
        try {
            return Mapper.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("Cannot write a value as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The text Jackson writes for a map of strings, whole numbers, booleans and nulls (every event a batch
     * appends), written directly: a batch appends one per node and one per link, and making a Jackson
     * generator for each cost more than the rest of the event. Null when the map holds anything else.
     */
    private static String flatObject(Map<?, ?> map) {
        StringBuilder out = new StringBuilder(16 * map.size() + 2).append('{');
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                return null;
            }
            Object value = entry.getValue();
            if (out.length() > 1) {
                out.append(',');
            }
            quote(key, out).append(':');
            if (value instanceof String text) {
                quote(text, out);
            } else if (value == null || value instanceof Integer || value instanceof Long || value instanceof Boolean) {
                out.append(value);
            } else {
                return null;
            }
        }
        return out.append('}').toString();
    }

    /** {@code text} as a JSON string, escaped as Jackson escapes it by default. */
    private static StringBuilder quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
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
            return Mapper.MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("A JSON column holds text that is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
