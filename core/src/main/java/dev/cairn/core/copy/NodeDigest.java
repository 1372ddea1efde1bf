package dev.cairn.core.copy;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.Node;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A SHA-256 digest of everything a store keeps of one node, its parents included, the same on every backend:
 * two stores hold the same node exactly when its digests are equal. {@link StoreCopy#verify} compares them.
 *
 * <p>The digest is taken over the UTF-8 bytes of the node's canonical text ({@link #canonical}): the line
 * {@value #HEADER}, then one line per field in this order, each its name, one space, its value and a line
 * feed (U+000A):
 * {@code id, layer, title, description, status, progress, owner, assignee, severity, workType, labels,
 * startedAt, completedAt, createdAt, updatedAt, version, customFields, command, parents}. Every value is
 * written as JSON without spaces:
 * <ul>
 *   <li>text as a JSON string that escapes {@code "} and {@code \} with a backslash and every character
 *       below U+0020 as {@code \}{@code u00xx} (lower-case hex), and nothing else; an absent value as
 *       {@code null};</li>
 *   <li>the layer by its display name ({@code "AcceptanceCriteria"}); status, severity and work type by
 *       their wire names ({@code "in_progress"});</li>
 *   <li>progress and version in decimal; times as whole milliseconds since 1970-01-01T00:00:00Z, in
 *       decimal;</li>
 *   <li>labels and parents as arrays of strings sorted by {@link String#compareTo};</li>
 *   <li>custom fields as an object whose keys are sorted by {@link String#compareTo} at every depth; a
 *       whole number (Integer, Long, BigInteger) in decimal, any other number as {@link Double#toString}
 *       writes it, booleans as {@code true} and {@code false};</li>
 *   <li>the command spec as {@code {"acRef":…,"artifacts":[…],"run":{"env":{…},"shell":…,"workdir":…}}}
 *       (artifacts in their order, env keys sorted), or {@code null}.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class NodeDigest {
    /** The first line of every canonical text; a change of the encoding changes it. */
    public static final String HEADER = "cairn-node-digest 1";

    private static final HexFormat HEX = HexFormat.of();

    private NodeDigest() {
    }

    /**
     * The SHA-256 of {@link #canonical canonical(node, parentIds)}.
     *
     * @param node      a node as stored
     * @param parentIds the ids of its parents, in any order
     * @return the 32 bytes of the digest
     */
    public static byte[] sha256(Node node, Collection<String> parentIds) {
        return sha256(canonical(node, parentIds));
    }

    /**
     * The SHA-256 of {@link #canonical canonical(node, parentIds)}, as 64 lower-case hex digits.
     *
     * @param node      a node as stored
     * @param parentIds the ids of its parents, in any order
     * @return the digest in hex
     */
    public static String hex(Node node, Collection<String> parentIds) {
        return HEX.formatHex(sha256(node, parentIds));
    }

    /**
     * The text the digest is taken over, as the class description defines it.
     *
     * @param node      a node as stored
     * @param parentIds the ids of its parents, in any order
     * @return the canonical text
     */
    public static String canonical(Node node, Collection<String> parentIds) {
        StringBuilder text = new StringBuilder(256).append(HEADER).append('\n');
        fields(node, parentIds).forEach((name, value) -> text.append(name).append(' ').append(value).append('\n'));
        return text.toString();
    }

    /**
     * The names of the fields whose canonical values differ between two versions of a node, in field order;
     * empty when their digests are equal.
     */
    static List<String> differingFields(Node one, Collection<String> oneParents, Node other,
                                        Collection<String> otherParents) {
        Map<String, String> these = fields(one, oneParents);
        Map<String, String> those = fields(other, otherParents);
        List<String> differing = new ArrayList<>();
        these.forEach((name, value) -> {
            if (!value.equals(those.get(name))) {
                differing.add(name);
            }
        });
        return differing;
    }

    static byte[] sha256(String canonical) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            // Every Java platform must implement SHA-256.
            throw new IllegalStateException("SHA-256 is not available", impossible);
        }
    }

    /** Each field's canonical value by its name, in digest order. */
    private static Map<String, String> fields(Node node, Collection<String> parentIds) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(parentIds, "parentIds");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", json(node.id()));
        fields.put("layer", json(node.layer().displayName()));
        fields.put("title", json(node.title()));
        fields.put("description", json(node.description()));
        fields.put("status", json(node.status().wireName()));
        fields.put("progress", Integer.toString(node.progress()));
        fields.put("owner", json(node.owner()));
        fields.put("assignee", json(node.assignee()));
        fields.put("severity", json(node.severity() == null ? null : node.severity().wireName()));
        fields.put("workType", json(node.workType() == null ? null : node.workType().wireName()));
        fields.put("labels", json(sorted(node.labels())));
        fields.put("startedAt", millis(node.startedAt()));
        fields.put("completedAt", millis(node.completedAt()));
        fields.put("createdAt", millis(node.createdAt()));
        fields.put("updatedAt", millis(node.updatedAt()));
        fields.put("version", Long.toString(node.version()));
        fields.put("customFields", json(node.customFields()));
        fields.put("command", json(command(node.command())));
        fields.put("parents", json(sorted(parentIds)));
        return fields;
    }

    private static List<String> sorted(Collection<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        return sorted;
    }

    private static String millis(Instant instant) {
        return instant == null ? "null" : Long.toString(instant.toEpochMilli());
    }

    private static Map<String, Object> command(CommandSpec command) {
        if (command == null) {
            return null;
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("env", command.run().env());
        run.put("shell", command.run().shell());
        run.put("workdir", command.run().workdir());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("acRef", command.acRef());
        spec.put("artifacts", command.artifacts());
        spec.put("run", run);
        return spec;
    }

    private static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            writeString(text, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Number number) {
            out.append(Double.toString(number.doubleValue()));
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else {
            // Not JSON-able: the rules keep such values out of every store; written as text, not dropped.
            writeString(value.toString(), out);
        }
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
