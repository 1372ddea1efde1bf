package dev.cairn.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.Node;
import dev.cairn.core.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link Node} as a plan file holds it, with ToDoWrite's field names ({@link TodoWriteFields}), for
 * {@link NodeReader} to read back; also the JSON-able values of custom fields and event details. Thread-safe:
 * stateless.
 */
final class NodeWriter {
    private NodeWriter() {
    }

    /**
     * Writes {@code node} as one object. {@code parents} and {@code children} are written as its links when not
     * {@code null}; {@code version} adds the node's version, which a backup keeps and a tree for people leaves out.
     */
    static void write(JsonGenerator out, Node node, List<String> parents, List<String> children, boolean version)
            throws IOException {
        write(out, node, null, parents, children, version);
    }

    /**
     * Writes {@code node} as its file in a tree: ids as {@code files} says they were written, the reserved fields
     * of a lenient import consumed, not written.
     */
    static void writeTreeFile(JsonGenerator out, Node node, TreeFile files, List<String> parents,
            List<String> children) throws IOException {
        write(out, node, files, parents, children, false);
    }

    private static void write(JsonGenerator out, Node node, TreeFile files, List<String> parents,
            List<String> children, boolean version) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", files == null ? node.id() : files.written(node.id()));
        out.writeStringField("layer", node.layer().displayName());
        out.writeStringField("title", node.title());
        out.writeStringField("description", node.description() == null ? "" : node.description());
        out.writeObjectFieldStart("metadata");
        if (node.owner() != null) {
            out.writeStringField("owner", node.owner());
        }
        if (!node.labels().isEmpty()) {
            out.writeArrayFieldStart("labels");
            for (String label : node.labels()) {
                out.writeString(label);
            }
            out.writeEndArray();
        }
        if (node.severity() != null) {
            // ToDoWrite spells medium "med"; its schema knows low, med and high.
            out.writeStringField("severity", node.severity() == Severity.MEDIUM ? "med" : node.severity().wireName());
        }
        if (node.workType() != null) {
            out.writeStringField("work_type", node.workType().wireName());
        }
        if (node.assignee() != null) {
            out.writeStringField("assignee", node.assignee());
        }
        out.writeStringField("status", node.status().wireName());
        out.writeNumberField("progress", node.progress());
        if (node.startedAt() != null) {
            out.writeStringField("started_date", node.startedAt().toString());
        }
        if (node.completedAt() != null) {
            out.writeStringField("completion_date", node.completedAt().toString());
        }
        out.writeStringField("created_at", node.createdAt().toString());
        out.writeStringField("updated_at", node.updatedAt().toString());
        if (version) {
            out.writeNumberField("version", node.version());
        }
        Map<String, Object> reserved = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : new TreeMap<>(node.customFields()).entrySet()) {
            if (files != null && TodoWriteFields.RESERVED.contains(field.getKey())) {
                continue;
            }
            if (TodoWriteFields.METADATA.contains(field.getKey())) {
                reserved.put(field.getKey(), field.getValue());
            } else {
                out.writeFieldName(field.getKey());
                writeValue(out, field.getValue());
            }
        }
        if (!reserved.isEmpty()) {
            out.writeFieldName("custom");
            writeValue(out, reserved);
        }
        out.writeEndObject();
        if (parents != null) {
            out.writeObjectFieldStart("links");
            writeIds(out, "parents", parents);
            writeIds(out, "children", children);
            out.writeEndObject();
        }
        if (node.command() != null) {
            CommandSpec command = node.command();
            out.writeObjectFieldStart("command");
            out.writeStringField("ac_ref", files == null ? command.acRef() : files.written(command.acRef()));
            out.writeObjectFieldStart("run");
            out.writeStringField("shell", command.run().shell());
            if (command.run().workdir() != null) {
                out.writeStringField("workdir", command.run().workdir());
            }
            if (!command.run().env().isEmpty()) {
                out.writeObjectFieldStart("env");
                for (Map.Entry<String, String> variable : command.run().env().entrySet()) {
                    out.writeStringField(variable.getKey(), variable.getValue());
                }
                out.writeEndObject();
            }
            out.writeEndObject();
            writeIds(out, "artifacts", command.artifacts());
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    private static void writeIds(JsonGenerator out, String name, List<String> values) throws IOException {
        out.writeArrayFieldStart(name);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    /** Writes a JSON-able value: maps, lists, text, numbers, booleans and null. */
    static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                writeValue(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            out.writeNumber(big);
        } else if (value instanceof BigDecimal decimal) {
            out.writeNumber(decimal);
        } else if (value instanceof Number number) {
            out.writeNumber(number.doubleValue());
        } else {
            out.writeString(String.valueOf(value));
        }
    }
}
