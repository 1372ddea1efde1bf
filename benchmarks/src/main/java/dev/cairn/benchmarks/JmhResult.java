package dev.cairn.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One benchmark's primary score from JMH's JSON output ({@code -rf json}). Immutable and thread-safe.
 *
 * @param className the benchmark class, fully qualified
 * @param method    the benchmark method
 * @param mode      JMH's short mode name, such as {@code avgt} or {@code thrpt}
 * @param params    the {@code @Param} values, sorted by name; empty when there are none
 * @param score     the primary score
 * @param error     the 99.9% error of the score, NaN when JMH could not compute one
 * @param unit      the score's unit, such as {@code us/op} or {@code ops/s}
 */
record JmhResult(String className, String method, String mode, SortedMap<String, String> params, double score,
        double error, String unit) {

    JmhResult {
        params = new TreeMap<>(params);
    }

    /** {@code Class.method}, the class without its package. */
    String shortName() {
        return className.substring(className.lastIndexOf('.') + 1) + "." + method;
    }

    /** The parameters as {@code name=value}, comma-separated; empty when there are none. */
    String paramText() {
        StringBuilder text = new StringBuilder();
        params.forEach((name, value) -> text.append(text.length() == 0 ? "" : ",").append(name).append('=')
                .append(value));
        return text.toString();
    }

    /** Reads every result of a JMH JSON file, in the file's order. */
    static List<JmhResult> read(Path file) {
        try {
            return parse(new ObjectMapper().readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read JMH results from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads every result of a JMH JSON document, in its order. */
    static List<JmhResult> parse(String json) {
        try {
            return parse(new ObjectMapper().readTree(json), "the text given");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse JMH results: " + e.getMessage(), e);
        }
    }

    private static List<JmhResult> parse(JsonNode root, String source) {
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("Expected a JSON array of JMH results in " + source
                    + "; was it written with -rf json?");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode entry : root) {
            String benchmark = entry.path("benchmark").asText();
            int dot = benchmark.lastIndexOf('.');
            if (dot < 0) {
                throw new IllegalArgumentException("Not a JMH benchmark name: '" + benchmark + "' in " + source);
            }
            SortedMap<String, String> params = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = entry.path("params").fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                params.put(field.getKey(), field.getValue().asText());
            }
            JsonNode metric = entry.path("primaryMetric");
            // JMH writes a missing error as the string "NaN"; asDouble reads that as NaN.
            results.add(new JmhResult(benchmark.substring(0, dot), benchmark.substring(dot + 1),
                    entry.path("mode").asText(), params, metric.path("score").asDouble(Double.NaN),
                    metric.path("scoreError").asDouble(Double.NaN), metric.path("scoreUnit").asText()));
        }
        return results;
    }
}
