package dev.cairn.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one value of a plan file, such as a node, into maps, lists and scalars, noting the line of every
 * field so that a problem found later can name it. Used by one thread for one file.
 *
 * <p>What no plan holds is reported and read as {@link #INVALID}: a YAML alias, a duplicate key, a map or
 * list of more than {@value #MAX_ENTRIES} entries. The parser's own limits ({@link Codecs}) end the file.
 */
final class ValueReader {
    /** Stands for a value that was reported as a problem, so that no second problem is made of it. */
    static final Object INVALID = new Object();
    static final int MAX_ENTRIES = 10_000;

    private final JsonParser parser;
    private final String source;
    private final Problems problems;
    private final Map<String, Integer> lines = new HashMap<>();

    ValueReader(JsonParser parser, String source, Problems problems) {
        this.parser = parser;
        this.source = source;
        this.problems = problems;
    }

    /** Reads the value starting at the parser's current token, whose path is {@code path}. */
    Object read(String path) throws IOException {
        lines.clear();
        return value(path, 0);
    }

    /** The line where the value at {@code path} starts, or that of the nearest enclosing value read; 0 if none. */
    int line(String path) {
        String at = path;
        while (true) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
            if (cut <= 0) {
                return lines.getOrDefault("", 0);
            }
            at = at.substring(0, cut);
        }
    }

    String source() {
        return source;
    }

    Problems problems() {
        return problems;
    }

    int currentLine() {
        return parser.currentTokenLocation().getLineNr();
    }

    private Object value(String path, int depth) throws IOException {
        JsonToken token = parser.currentToken();
        int line = currentLine();
        lines.put(path, line);
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            problems.add(source, line, path, "*" + parser.getText(), "is a YAML alias; plan files take no aliases");
            return INVALID;
        }
        if (token == null) {
            return INVALID;
        }
        switch (token) {
            case START_OBJECT:
                return object(path, depth);
            case START_ARRAY:
                return array(path, depth);
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                problems.add(source, line, path, token.asString(), "is not a value a plan file holds");
                return INVALID;
        }
    }

    private Object object(String path, int depth) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        boolean valid = true;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String childPath = path.isEmpty() ? name : path + "." + name;
            parser.nextToken();
            Object child = value(childPath, depth + 1);
            if (map.containsKey(name)) {
                problems.add(source, lines.get(childPath), childPath, null, "appears twice; give each field once");
                valid = false;
            } else if (map.size() == MAX_ENTRIES) {
                problems.add(source, lines.get(childPath), path, null, "has more than " + MAX_ENTRIES + " fields");
                valid = false;
            }
            if (valid) {
                map.put(name, child);
            }
        }
        return valid ? map : INVALID;
    }

    private Object array(String path, int depth) throws IOException {
        List<Object> list = new ArrayList<>();
        boolean valid = true;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                return INVALID;
            }
            Object child = value(path + "[" + list.size() + "]", depth + 1);
            if (list.size() == MAX_ENTRIES) {
                if (valid) {
                    problems.add(source, currentLine(), path, null, "has more than " + MAX_ENTRIES + " entries");
                }
                valid = false;
            } else {
                list.add(child);
            }
        }
        return valid ? list : INVALID;
    }
}
