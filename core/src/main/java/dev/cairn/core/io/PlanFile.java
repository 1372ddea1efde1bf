package dev.cairn.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.Label;
import dev.cairn.core.Link;
import dev.cairn.core.NodeIds;
import dev.cairn.core.io.PlanSource.Where;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A whole plan in one file, YAML or JSON, read and written as a stream so that its size is bounded by the
 * disk, not the heap:
 *
 * <pre>
 * format: cairn-plan
 * version: 1
 * exported_at: 2026-11-21T10:00:00Z
 * labels:  [{name: parser, description: …}, …]
 * nodes:   [{id: …, layer: …, …}, …]          # each as a ToDoWrite node file holds it, without links
 * links:   [{parent: GOAL-X, child: CON-Y}, …]
 * events:  [{node: GOAL-X, type: created, at: …, actor: …, details: {…}}, …]
 * </pre>
 *
 * The sections come in this order, each optional; {@code format} and {@code version} come first. Nodes are
 * written sorted by id, so an AcceptanceCriteria ({@code AC-…}) comes before the Commands ({@code CMD-…}) that
 * name it, as an import requires. Not thread-safe.
 */
final class PlanFile implements PlanSource {
    static final String FORMAT = "cairn-plan";
    static final int VERSION = 1;
    private static final List<String> SECTIONS = List.of("labels", "nodes", "links", "events");

    private final Path file;
    private final PlanFormat format;
    private final String name;
    private final Instant now;
    private boolean history;

    PlanFile(Path file, PlanFormat format, Instant now) {
        this.file = file;
        this.format = format;
        this.name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        this.now = now;
    }

    @Override
    public boolean hasHistory() {
        return history;
    }

    @Override
    public void replay(Sink sink, Problems problems) throws IOException {
        if (!Files.isRegularFile(file)) {
            problems.add(file.toString(), 0, "", null, "is not a file");
            return;
        }
        try (InputStream in = Files.newInputStream(file);
             JsonParser parser = Codecs.parser(format, in)) {
            new Reading(parser, sink, problems).run();
            if (parser.currentToken() == JsonToken.END_OBJECT && parser.getParsingContext().inRoot()
                    && parser.nextToken() != null) {
                // Read on, the rest would be dropped without a word.
                problems.add(name, parser.currentTokenLocation().getLineNr(), "", null, "starts a second "
                        + (format == PlanFormat.YAML ? "YAML document (after '---')" : "JSON value")
                        + ": a plan file holds one; put each plan in a file of its own");
            }
        } catch (LineLimitReader.LineTooLongException | LineLimitReader.NotTextException | JsonProcessingException
                 | YAMLException e) {
            problems.unreadable(name, format, e);
        }
    }

    /** One pass over the file. */
    private final class Reading {
        private final JsonParser parser;
        private final Sink sink;
        private final Problems problems;
        private final ValueReader reader;

        Reading(JsonParser parser, Sink sink, Problems problems) {
            this.parser = parser;
            this.sink = sink;
            this.problems = problems;
            this.reader = new ValueReader(parser, name, problems);
        }

        void run() throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problems.add(name, reader.currentLine(), "", null, "must be a map starting with format: " + FORMAT);
                return;
            }
            int section = -1;
            boolean formatSeen = false;
            boolean versionSeen = false;
            boolean nodesEnded = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                int line = reader.currentLine();
                parser.nextToken();
                int index = SECTIONS.indexOf(field);
                if (index < 0) {
                    Object value = reader.read(field);
                    switch (field) {
                        case "format" -> {
                            formatSeen = true;
                            if (!FORMAT.equals(value)) {
                                problems.add(name, line, field, value, "must be " + FORMAT);
                                return;
                            }
                        }
                        case "version" -> {
                            versionSeen = true;
                            if (!(value instanceof Integer number) || number < 1) {
                                problems.add(name, line, field, value, "must be a whole number from 1");
                                return;
                            }
                            if (number > VERSION) {
                                problems.add(name, line, field, value, "is newer than this Cairn reads ("
                                        + VERSION + "): upgrade Cairn to import it");
                                return;
                            }
                        }
                        case "exported_at", "backend" -> {
                            // for people reading the file
                        }
                        default -> problems.add(name, line, field, null, "is not a section of a plan file; "
                                + "known: [format, version, exported_at, backend, labels, nodes, links, events]");
                    }
                    continue;
                }
                if (!formatSeen || !versionSeen) {
                    problems.add(name, line, field, null, "must come after format and version");
                    return;
                }
                if (index <= section) {
                    problems.add(name, line, field, null, "must come before " + SECTIONS.get(section)
                            + ": sections go labels, nodes, links, events, each once");
                    return;
                }
                if (index > 1 && !nodesEnded) {
                    sink.endOfNodes();
                    nodesEnded = true;
                }
                section = index;
                if (parser.currentToken() != JsonToken.START_ARRAY) {
                    problems.add(name, line, field, null, "must be a list");
                    return;
                }
                int position = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() == null) {
                        return;
                    }
                    String at = field + "[" + position++ + "]";
                    Object value = reader.read(at);
                    Where where = new Where(name, reader.line(at), at);
                    switch (field) {
                        case "labels" -> label(value, where);
                        case "nodes" -> {
                            NodeReader.Entry entry = NodeReader.read(value, reader, at, now, false);
                            if (entry != null) {
                                sink.node(entry, where);
                            }
                        }
                        case "links" -> link(value, where);
                        default -> event(value, where);
                    }
                }
            }
            if (!formatSeen) {
                problems.add(name, 0, "format", null, "is required: a plan file starts with format: " + FORMAT);
            }
            if (!nodesEnded) {
                sink.endOfNodes();
            }
        }

        private Map<String, Object> fields(Object value, Where where, List<String> known) {
            if (!(value instanceof Map<?, ?> map)) {
                if (value != ValueReader.INVALID) {
                    problems.add(name, where.line(), where.field(), null, "must be a map of " + known);
                }
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) map;
            for (String key : fields.keySet()) {
                if (!known.contains(key)) {
                    problems.add(name, reader.line(where.field() + "." + key), where.field() + "." + key, null,
                            "is not a field here; known: " + known);
                    return null;
                }
            }
            return fields;
        }

        private String text(Map<String, Object> fields, String key, Where where, boolean required) {
            Object value = fields.get(key);
            if (value instanceof String text) {
                return text;
            }
            if (value != null || required) {
                problems.add(name, reader.line(where.field() + "." + key), where.field() + "." + key,
                        value == null ? null : String.valueOf(value), required && value == null ? "is required"
                                : "must be text");
            }
            return null;
        }

        private String id(Map<String, Object> fields, String key, Where where) {
            String id = text(fields, key, where, true);
            if (id != null && NodeIds.layerOf(id).isEmpty()) {
                problems.add(name, reader.line(where.field() + "." + key), where.field() + "." + key, id,
                        "must be a node id: a layer prefix, '-', and 1 to 64 of A-Z a-z 0-9 _ -");
                return null;
            }
            return id;
        }

        private void label(Object value, Where where) {
            Map<String, Object> fields = fields(value, where, List.of("name", "description"));
            if (fields == null) {
                return;
            }
            String labelName = text(fields, "name", where, true);
            String description = text(fields, "description", where, false);
            if (labelName != null) {
                sink.label(new Label(labelName, description), where);
            }
        }

        private void link(Object value, Where where) {
            Map<String, Object> fields = fields(value, where, List.of("parent", "child"));
            if (fields == null) {
                return;
            }
            String parent = id(fields, "parent", where);
            String child = id(fields, "child", where);
            if (parent != null && child != null) {
                sink.link(new Link(parent, child), where);
            }
        }

        private void event(Object value, Where where) {
            Map<String, Object> fields = fields(value, where, List.of("node", "type", "at", "actor", "details"));
            if (fields == null) {
                return;
            }
            history = true;
            String node = id(fields, "node", where);
            String typeName = text(fields, "type", where, true);
            EventType type = typeName == null ? null : Stream.of(EventType.values())
                    .filter(candidate -> candidate.name().equalsIgnoreCase(typeName)).findFirst().orElse(null);
            if (typeName != null && type == null) {
                problems.add(name, reader.line(where.field() + ".type"), where.field() + ".type", typeName,
                        "must be one of " + Stream.of(EventType.values()).map(PlanFile::wireName).toList());
            }
            String atText = text(fields, "at", where, true);
            Instant at = null;
            if (atText != null) {
                try {
                    at = Instant.parse(atText);
                } catch (DateTimeParseException e) {
                    problems.add(name, reader.line(where.field() + ".at"), where.field() + ".at", atText,
                            "must be an ISO 8601 instant, such as 2026-03-01T09:00:00Z");
                }
            }
            String actor = text(fields, "actor", where, false);
            Object details = fields.get("details");
            if (details != null && !(details instanceof Map<?, ?>)) {
                problems.add(name, reader.line(where.field() + ".details"), where.field() + ".details", null,
                        "must be a map");
                return;
            }
            if (node != null && type != null && at != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> detailFields = (Map<String, Object>) details;
                sink.event(new Event(0, node, type, at, actor, detailFields), where);
            }
        }
    }

    static String wireName(EventType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    // ---- writing

    static void writeHeader(JsonGenerator out, Instant exportedAt, String backend) throws IOException {
        out.writeStartObject();
        out.writeStringField("format", FORMAT);
        out.writeNumberField("version", VERSION);
        out.writeStringField("exported_at", exportedAt.toString());
        out.writeStringField("backend", backend);
    }

    static void writeLabel(JsonGenerator out, Label label) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", label.name());
        if (label.description() != null) {
            out.writeStringField("description", label.description());
        }
        out.writeEndObject();
    }

    static void writeLink(JsonGenerator out, Link link) throws IOException {
        out.writeStartObject();
        out.writeStringField("parent", link.parentId());
        out.writeStringField("child", link.childId());
        out.writeEndObject();
    }

    static void writeEvent(JsonGenerator out, Event event) throws IOException {
        out.writeStartObject();
        out.writeStringField("node", event.nodeId());
        out.writeStringField("type", wireName(event.type()));
        out.writeStringField("at", event.at().toString());
        if (event.actor() != null) {
            out.writeStringField("actor", event.actor());
        }
        if (!event.details().isEmpty()) {
            out.writeFieldName("details");
            NodeWriter.writeValue(out, event.details());
        }
        out.writeEndObject();
    }
}
