package dev.cairn.core.io;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeIds;
import dev.cairn.core.RunSpec;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.Violation;
import dev.cairn.core.WorkType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads one node as a plan file holds it ({@link TodoWriteFields}) into a {@link Node}, with every problem
 * named. What the file leaves out takes Cairn's defaults (planned; progress 0, or 100 when completed; created
 * at the time of the read; version 1), and the node is checked against the model's rules before it is
 * returned. Thread-safe: stateless.
 *
 * <p>Reading also takes {@code status}, {@code progress}, {@code assignee}, {@code started_date} and
 * {@code completion_date} at the top level, where later ToDoWrite versions put them.
 */
final class NodeReader {
    /**
     * A node read from a file, with the links it names (in the file's order, each with its line) and the line
     * it starts on; {@code writtenId} is the id as the file gives it when a lenient read had to add its layer's
     * prefix, else {@code null}; {@code acRefLine} is the line of a Command's {@code command.ac_ref}.
     */
    record Entry(Node node, List<String> parents, List<String> children, int line, List<Integer> parentLines,
            List<Integer> childLines, String writtenId, int acRefLine) {
        Entry withNode(Node changed) {
            return new Entry(changed, parents, children, line, parentLines, childLines, writtenId, acRefLine);
        }

        Entry withLinks(List<String> newParents, List<Integer> newParentLines, List<String> newChildren,
                List<Integer> newChildLines) {
            return new Entry(node, List.copyOf(newParents), List.copyOf(newChildren), line, List.copyOf(newParentLines),
                    List.copyOf(newChildLines), writtenId, acRefLine);
        }

        /** The path in the file of the {@code index}th parent, such as {@code links.parents[2]}. */
        String parentField(int index) {
            return "links.parents[" + index + "]";
        }

        /** The path in the file of the {@code index}th child. */
        String childField(int index) {
            return "links.children[" + index + "]";
        }
    }

    private NodeReader() {
    }

    /**
     * The node {@code value} describes, or {@code null} when it has problems, which are added to the reader's.
     *
     * @param at    the path of the value in its file, such as {@code nodes[3]}; empty for a file of one node
     * @param now   the creation time of a node whose file gives none
     * @param links whether the node's links are part of it ({@code links.parents} and {@code .children})
     */
    static Entry read(Object value, ValueReader reader, String at, Instant now, boolean links) {
        return read(value, reader, at, now, links, false);
    }

    /**
     * As {@link #read(Object, ValueReader, String, Instant, boolean)}; {@code lenient} takes what ToDoWrite
     * itself took: an id without its layer's prefix gets it ({@code TEST-DEMO} of a Task is {@code TSK-TEST-DEMO},
     * the entry's {@code writtenId} saying so). A tree's links are read as written, even what is no node id, for
     * the tree to check.
     */
    static Entry read(Object value, ValueReader reader, String at, Instant now, boolean links, boolean lenient) {
        FieldReader fields = new FieldReader(reader, at);
        Map<String, Object> node = fields.map("", value);
        if (node == null) {
            return null;
        }
        fields.unknown("", node, links ? TodoWriteFields.TOP_LEVEL : TodoWriteFields.TOP_LEVEL_WITHOUT_LINKS);
        Map<String, Object> metadata = fields.map("metadata", node.getOrDefault("metadata", Map.of()));
        if (metadata == null) {
            metadata = Map.of();
        }

        String id = fields.text("id", node.get("id"));
        Layer layer = fields.parse("layer", node.get("layer"), Layer::find,
                Stream.of(Layer.values()).map(Layer::displayName).toList().toString());
        String title = fields.text("title", node.get("title"));
        String writtenId = null;
        if (node.get("id") == null) {
            fields.problem("id", null, "is required");
        } else if (id != null && layer != null && !NodeIds.isValid(id, layer)) {
            String prefixed = layer.prefix() + "-" + id;
            if (lenient && NodeIds.isValid(prefixed, layer) && NodeIds.layerOf(id).isEmpty()) {
                writtenId = id;
                id = prefixed;
            } else {
                boolean lenientTakes = links && NodeIds.isValid(prefixed, layer) && NodeIds.layerOf(id).isEmpty();
                fields.problem("id", id, "must be " + layer.prefix() + "- followed by 1 to 64 of A-Z a-z 0-9 _ -, "
                        + "the prefix of layer " + layer.displayName()
                        + (lenientTakes ? " (a lenient import, --lenient, takes it as " + prefixed + ")" : ""));
                id = null;
            }
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
            if (!TodoWriteFields.METADATA.contains(key) && fieldValue != ValueReader.INVALID) {
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
        List<Integer> parentLines = List.of();
        List<Integer> childLines = List.of();
        if (links) {
            Map<String, Object> linkFields = fields.map("links", node.getOrDefault("links", Map.of()));
            if (linkFields != null) {
                fields.unknown("links", linkFields, TodoWriteFields.LINKS);
                // A tree's links are checked by the tree, which knows every file's ids and how lenient it is.
                parents = fields.ids("links.parents", linkFields.get("parents"), true);
                children = fields.ids("links.children", linkFields.get("children"), true);
                parentLines = lines(reader, at, "links.parents", linkFields.get("parents"), parents);
                childLines = lines(reader, at, "links.children", linkFields.get("children"), children);
            }
        }

        if (fields.failed() || id == null || layer == null || title == null) {
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
            fields.problem(TodoWriteFields.fileField(violation.field()), violation.value(), violation.rule());
        }
        if (labels != null && labels.size() != result.labels().size()) {
            fields.problem("metadata.labels", labels, "must not name a label twice");
        }
        return fields.failed() ? null : new Entry(result, parents, children, reader.line(at), parentLines,
                childLines, writtenId, reader.line(at.isEmpty() ? "command.ac_ref" : at + ".command.ac_ref"));
    }

    /** The line of each id of {@code ids}, where the list {@code raw} at {@code field} first names it. */
    private static List<Integer> lines(ValueReader reader, String at, String field, Object raw, List<String> ids) {
        List<?> list = raw instanceof List<?> given ? given : List.of();
        String path = at.isEmpty() ? field : at + "." + field;
        return ids.stream().map(id -> reader.line(path + "[" + Math.max(0, list.indexOf(id)) + "]")).toList();
    }

    private static CommandSpec command(FieldReader fields, Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> command = fields.map("command", value);
        if (command == null) {
            return null;
        }
        fields.unknown("command", command, TodoWriteFields.COMMAND);
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
        fields.unknown("command.run", run, TodoWriteFields.RUN);
        String shell = fields.text("command.run.shell", run.get("shell"));
        if (run.get("shell") == null) {
            fields.problem("command.run.shell", null, "is required");
        }
        String workdir = fields.text("command.run.workdir", run.get("workdir"));
        Map<String, String> env = new LinkedHashMap<>();
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
    private static Object either(FieldReader fields, Map<String, Object> node, Map<String, Object> metadata,
            String name) {
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

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
