package dev.cairn.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeIds;
import dev.cairn.core.RunSpec;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.Violation;
import dev.cairn.core.WorkType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One node as a plan file holds it, with ToDoWrite's field names: read into a {@link Node} with every
 * problem named, and written back. Thread-safe.
 *
 * <pre>
 * id: TSK-PARSER
 * layer: Task
 * title: Write the parser
 * description: ''
 * metadata:
 *   owner: ana
 *   labels: [parser]
 *   severity: med
 *   work_type: implementation
 *   status: in_progress        # Cairn's fields beside ToDoWrite's: the ToDoWrite schema lets metadata hold more
 *   progress: 40
 *   started_date: 2026-03-01T09:00:00Z
 *   created_at: …
 *   updated_at: …
 *   estimate_days: 3           # a custom field
 * links: {parents: [STP-X], children: [SUB-Y]}
 * command: {ac_ref: AC-X, run: {shell: …, workdir: …, env: {…}}, artifacts: […]}   # Command nodes only
 * </pre>
 *
 * Reading also takes {@code status}, {@code progress}, {@code assignee}, {@code started_date} and
 * {@code completion_date} at the top level, where later ToDoWrite versions put them. A custom field whose
 * name is one of Cairn's metadata fields is written under {@code metadata.custom}.
 */
final class NodeCodec {
    /** A node read from a file, with the links it names and the line it starts on. */
    record Entry(Node node, List<String> parents, List<String> children, int line) {
    }

    private static final Set<String> TOP_LEVEL = Set.of("id", "layer", "title", "description", "metadata", "links",
            "command", "status", "progress", "assignee", "started_date", "completion_date");
    private static final Set<String> METADATA = Set.of("owner", "labels", "severity", "work_type", "assignee",
            "status", "progress", "started_date", "completion_date", "created_at", "updated_at", "version", "custom");
    private static final Set<String> COMMAND = Set.of("ac_ref", "run", "artifacts");
    private static final Set<String> RUN = Set.of("shell", "workdir", "env");
    private static final Set<String> LINKS = Set.of("parents", "children");

    private NodeCodec() {
    }

    // ---- reading

    /**
     * The node {@code value} describes, or {@code null} when it has problems, which are added to the reader's.
     *
     * @param at    the path of the value in its file, such as {@code nodes[3]}; empty for a file of one node
     * @param now   the creation time of a node whose file gives none
     * @param links whether the node's links are part of it ({@code links.parents} and {@code .children})
     */
    static Entry read(Object value, ValueReader reader, String at, Instant now, boolean links) {
        Fields fields = new Fields(reader, at);
        Map<String, Object> node = fields.map("", value);
        if (node == null) {
            return null;
        }
        fields.unknown("", node, links ? TOP_LEVEL : without(TOP_LEVEL, "links"));
        Map<String, Object> metadata = fields.map("metadata", node.getOrDefault("metadata", Map.of()));
        if (metadata == null) {
            metadata = Map.of();
        }

        String id = fields.text("id", node.get("id"));
        Layer layer = fields.parse("layer", node.get("layer"), Layer::find,
                Stream.of(Layer.values()).map(Layer::displayName).toList().toString());
        String title = fields.text("title", node.get("title"));
        if (node.get("id") == null) {
            fields.problem("id", null, "is required");
        } else if (id != null && layer != null && !NodeIds.isValid(id, layer)) {
            fields.problem("id", id, "must be " + layer.prefix() + "- followed by 1 to 64 of A-Z a-z 0-9 _ -, "
                    + "the prefix of layer " + layer.displayName());
            id = null;
        }
        if (node.get("layer") == null) {
            fields.problem("layer", null, "is required");
        }
        if (node.get("title") == null) {
            fields.problem("title", null, "is required");
        }
        String description = fields.text("description", node.get("description"));

        Object statusValue = either(fields, node, metadata, "status");
        Status status = fields.parse(where(node, "status"), statusValue, Status::find,
                Stream.of(Status.values()).map(Status::wireName).toList().toString());
        Object progressValue = either(fields, node, metadata, "progress");
        Integer progress = fields.integer(where(node, "progress"), progressValue);
        String assignee = fields.text(where(node, "assignee"), either(fields, node, metadata, "assignee"));
        Instant started = fields.instant(where(node, "started_date"), either(fields, node, metadata, "started_date"));
        Instant completed = fields.instant(where(node, "completion_date"),
                either(fields, node, metadata, "completion_date"));
        Instant created = fields.instant("metadata.created_at", metadata.get("created_at"));
        Instant updated = fields.instant("metadata.updated_at", metadata.get("updated_at"));
        Object versionValue = metadata.get("version");
        Long version = fields.longValue("metadata.version", versionValue);
        if (version != null && version < 1) {
            fields.problem("metadata.version", version, "must be at least 1");
        }

        String owner = fields.text("metadata.owner", metadata.get("owner"));
        List<String> labels = fields.texts("metadata.labels", metadata.get("labels"));
        Severity severity = fields.parse("metadata.severity", metadata.get("severity"), Severity::find,
                "[low, med, medium, high, critical]");
        WorkType workType = fields.parse("metadata.work_type", metadata.get("work_type"), WorkType::find,
                Stream.of(WorkType.values()).map(WorkType::wireName).toList().toString());
        Map<String, Object> custom = new LinkedHashMap<>();
        metadata.forEach((key, fieldValue) -> {
            if (!METADATA.contains(key) && fieldValue != ValueReader.INVALID) {
                custom.put(key, fieldValue);
            }
        });
        Map<String, Object> nested = fields.map("metadata.custom", metadata.getOrDefault("custom", Map.of()));
        if (nested != null) {
            nested.forEach((key, fieldValue) -> {
                if (fieldValue != ValueReader.INVALID) {
                    custom.put(key, fieldValue);
                }
            });
        }

        CommandSpec command = command(fields, node.get("command"));
        List<String> parents = List.of();
        List<String> children = List.of();
        if (links) {
            Map<String, Object> linkFields = fields.map("links", node.getOrDefault("links", Map.of()));
            if (linkFields != null) {
                fields.unknown("links", linkFields, LINKS);
                parents = fields.ids("links.parents", linkFields.get("parents"));
                children = fields.ids("links.children", linkFields.get("children"));
            }
        }

        if (fields.failed || id == null || layer == null || title == null) {
            return null;
        }
        Status finalStatus = status == null ? Status.PLANNED : status;
        int finalProgress = progress != null ? progress : finalStatus == Status.COMPLETED ? 100 : 0;
        Instant createdAt = created != null ? created : updated != null && updated.isBefore(now) ? updated : now;
        Instant updatedAt = updated != null ? updated : createdAt;
        Node result = Node.builder(id, layer).title(title).description(emptyToNull(description))
                .status(finalStatus).progress(finalProgress).owner(emptyToNull(owner))
                .assignee(emptyToNull(assignee)).severity(severity).workType(workType)
                .labels(labels == null ? Set.of() : new LinkedHashSet<>(labels)).startedAt(started)
                .completedAt(completed).createdAt(createdAt).updatedAt(updatedAt)
                .version(version == null ? 1 : version).customFields(custom).command(command).build();
        for (Violation violation : result.violations()) {
            fields.problem(fileField(violation.field()), violation.value(), violation.rule());
        }
        if (labels != null && labels.size() != result.labels().size()) {
            fields.problem("metadata.labels", labels, "must not name a label twice");
        }
        return fields.failed ? null : new Entry(result, parents, children, reader.line(at));
    }

    private static CommandSpec command(Fields fields, Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> command = fields.map("command", value);
        if (command == null) {
            return null;
        }
        fields.unknown("command", command, COMMAND);
        String acRef = fields.text("command.ac_ref", command.get("ac_ref"));
        if (command.get("ac_ref") == null) {
            fields.problem("command.ac_ref", null, "is required: the AcceptanceCriteria the command verifies");
        }
        Map<String, Object> run = fields.map("command.run", command.get("run"));
        if (command.get("run") == null) {
            fields.problem("command.run", null, "is required, with at least run.shell");
        }
        List<String> artifacts = fields.texts("command.artifacts", command.get("artifacts"));
        if (run == null || acRef == null) {
            return null;
        }
        fields.unknown("command.run", run, RUN);
        String shell = fields.text("command.run.shell", run.get("shell"));
        if (run.get("shell") == null) {
            fields.problem("command.run.shell", null, "is required");
        }
        String workdir = fields.text("command.run.workdir", run.get("workdir"));
        Map<String, String> env = new TreeMap<>();
        Map<String, Object> envFields = fields.map("command.run.env", run.getOrDefault("env", Map.of()));
        if (envFields != null) {
            envFields.forEach((name, envValue) -> {
                String text = fields.text("command.run.env." + name, envValue);
                if (text != null) {
                    env.put(name, text);
                } else if (envValue == null) {
                    fields.problem("command.run.env." + name, null, "must be text");
                }
            });
        }
        if (shell == null) {
            return null;
        }
        return new CommandSpec(acRef, new RunSpec(shell, emptyToNull(workdir), env),
                artifacts == null ? List.of() : artifacts);
    }

    /** A field that may sit at the top level or in metadata; both, differing, is a problem. */
    private static Object either(Fields fields, Map<String, Object> node, Map<String, Object> metadata, String name) {
        Object top = node.get(name);
        Object inMetadata = metadata.get(name);
        if (top != null && inMetadata != null && !top.equals(inMetadata)) {
            fields.problem("metadata." + name, inMetadata, "differs from the top-level " + name + " '" + top
                    + "'; give it once");
        }
        return top != null ? top : inMetadata;
    }

    private static String where(Map<String, Object> node, String name) {
        return node.containsKey(name) ? name : "metadata." + name;
    }

    /** The file's name for a field a {@link Violation} names by Cairn's. */
    private static String fileField(String field) {
        return switch (field) {
            case "id", "title", "description", "layer" -> field;
            case "startedAt" -> "metadata.started_date";
            case "completedAt" -> "metadata.completion_date";
            case "workType" -> "metadata.work_type";
            case "command.acRef" -> "command.ac_ref";
            default -> {
                if (field.startsWith("customFields")) {
                    yield "metadata" + field.substring("customFields".length());
                }
                if (field.startsWith("command.run.") || field.startsWith("command.artifacts")
                        || field.equals("command")) {
                    yield field;
                }
                yield "metadata." + field;
            }
        };
    }

    private static Set<String> without(Set<String> names, String name) {
        Set<String> rest = new LinkedHashSet<>(names);
        rest.remove(name);
        return rest;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** Typed access to a node's fields, each mistake reported once with its path and line. */
    private static final class Fields {
        private final ValueReader reader;
        private final String at;
        private boolean failed;

        Fields(ValueReader reader, String at) {
            this.reader = reader;
            this.at = at;
        }

        void problem(String field, Object value, String rule) {
            failed = true;
            String path = at.isEmpty() ? field : field.isEmpty() ? at : at + "." + field;
            reader.problems().add(reader.source(), reader.line(path), path, value, rule);
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
            List<String> ids = texts(field, value);
            if (ids == null) {
                return List.of();
            }
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                if (NodeIds.layerOf(id).isEmpty()) {
                    problem(field + "[" + i + "]", id, "must be a node id: a layer prefix, '-', and 1 to 64 of "
                            + "A-Z a-z 0-9 _ -");
                } else if (!seen.add(id)) {
                    problem(field + "[" + i + "]", id, "is named twice");
                }
            }
            return List.copyOf(seen);
        }

        <T> T parse(String field, Object value, java.util.function.Function<String, java.util.Optional<T>> finder,
                String accepted) {
            String text = text(field, value);
            if (text == null) {
                return null;
            }
            java.util.Optional<T> found = finder.apply(text);
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

    // ---- writing

    /**
     * Writes {@code node} as one object. {@code parents} and {@code children} are written as its links when not
     * {@code null}; {@code version} adds the node's version, which a backup keeps and a tree for people leaves out.
     */
    static void write(JsonGenerator out, Node node, List<String> parents, List<String> children, boolean version)
            throws IOException {
        out.writeStartObject();
        out.writeStringField("id", node.id());
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
            if (METADATA.contains(field.getKey())) {
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
            out.writeStringField("ac_ref", command.acRef());
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
