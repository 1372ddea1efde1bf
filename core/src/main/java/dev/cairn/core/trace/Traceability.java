package dev.cairn.core.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.PlanGraph;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Traceability of a plan, from one consistent read of its nodes and links: the coverage of Requirements →
 * AcceptanceCriteria → Commands ({@link #report()}), and the two files ToDoWrite's {@code tw_trace.py}
 * wrote, {@code trace.csv} ({@link #writeCsv}) and {@code graph.json} ({@link #writeGraphJson}).
 *
 * <pre>{@code
 * Traceability trace = Traceability.of(cairn);
 * TraceReport report = trace.report();
 * trace.writeCsv(Path.of("trace/trace.csv"));
 * trace.writeGraphJson(Path.of("trace/graph.json"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Traceability {
    static final String CSV_HEADER = "from_id,from_layer,from_title,to_id,to_layer,to_title,relationship,valid";
    static final String CSV_HEADER_0_2 = "source_id,source_layer,source_title,target_id,target_layer,target_title,"
            + "relationship,depth";

    /** The column layouts of ToDoWrite's {@code trace.csv}, by the ToDoWrite release that wrote them. */
    public enum CsvLayout {
        /** {@code from_id,…,relationship,valid}, with {@code leaf} rows: ToDoWrite up to 0.1.5. */
        TODOWRITE_0_1_5,
        /** {@code source_id,…,relationship,depth}, {@code parent_of} then {@code child_of} rows: 0.1.6 to 0.4. */
        TODOWRITE_0_2
    }
    private static final JsonFactory JSON = JsonFactory.builder().build()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** The nodes, by layer then id. */
    private final List<Node> nodes;
    private final Map<String, Node> byId = new HashMap<>();
    /** The links, by the order of their parent among {@link #nodes} then child id; dangling ones last. */
    private final List<Link> links;
    private final Map<String, List<String>> children = new HashMap<>();

    private Traceability(Collection<Node> nodes, Collection<Link> links) {
        List<Node> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparing(Node::layer).thenComparing(Node::id));
        this.nodes = List.copyOf(sorted);
        this.nodes.forEach(node -> byId.put(node.id(), node));
        Map<String, Integer> position = new HashMap<>();
        for (int index = 0; index < this.nodes.size(); index++) {
            position.put(this.nodes.get(index).id(), index);
        }
        List<Link> ordered = new ArrayList<>(links);
        ordered.sort(Comparator.<Link>comparingInt(link -> position.getOrDefault(link.parentId(), Integer.MAX_VALUE))
                .thenComparing(Link::parentId).thenComparing(Link::childId));
        this.links = List.copyOf(ordered);
        this.links.forEach(link -> children.computeIfAbsent(link.parentId(), key -> new ArrayList<>()).add(link.childId()));
    }

    /**
     * The traceability of the plan in {@code cairn}, read in one transaction.
     *
     * @param cairn the open store
     * @return the traceability of its plan
     */
    public static Traceability of(Cairn cairn) {
        Objects.requireNonNull(cairn, "cairn");
        return cairn.store().read(tx -> new Traceability(tx.find(NodeQuery.all()), tx.links()));
    }

    /**
     * The traceability of a plan read through {@code graph}: a {@link Cairn} reads nodes and links in two
     * transactions, a graph of {@link Cairn#inTransaction} in one.
     *
     * @param graph a plan read through a store
     * @return the traceability of its plan
     */
    public static Traceability of(PlanGraph graph) {
        Objects.requireNonNull(graph, "graph");
        return new Traceability(graph.find(NodeQuery.all()), graph.links());
    }

    /**
     * The traceability of these nodes and links, such as a file's before it is imported.
     *
     * @param nodes nodes of a plan, such as those of a file
     * @param links the links between them
     * @return their traceability
     */
    public static Traceability of(Collection<Node> nodes, Collection<Link> links) {
        return new Traceability(Objects.requireNonNull(nodes, "nodes"), Objects.requireNonNull(links, "links"));
    }

    /**
     * The coverage: for each Requirements node the AcceptanceCriteria linked as its children; for each
     * AcceptanceCriteria the Commands that verify it, by their {@code acRef} or as its children; and the Commands
     * whose {@code acRef} names no AcceptanceCriteria node.
     *
     * @return the coverage, with the gaps
     */
    public TraceReport report() {
        Map<String, Set<String>> verifying = new HashMap<>();
        List<TraceReport.BrokenAcRef> broken = new ArrayList<>();
        for (Node node : nodes) {
            if (node.layer() == Layer.COMMAND && node.command() != null) {
                String acRef = node.command().acRef();
                Node target = byId.get(acRef);
                if (target == null || target.layer() != Layer.ACCEPTANCE_CRITERIA) {
                    broken.add(new TraceReport.BrokenAcRef(node.id(), acRef));
                } else {
                    verifying.computeIfAbsent(acRef, key -> new TreeSet<>()).add(node.id());
                }
            }
        }
        List<TraceReport.Requirement> requirements = new ArrayList<>();
        List<TraceReport.Criterion> criteria = new ArrayList<>();
        for (Node node : nodes) {
            if (node.layer() == Layer.REQUIREMENTS) {
                requirements.add(new TraceReport.Requirement(node.id(), node.title(),
                        childrenOf(node.id(), Layer.ACCEPTANCE_CRITERIA)));
            } else if (node.layer() == Layer.ACCEPTANCE_CRITERIA) {
                Set<String> commands = verifying.computeIfAbsent(node.id(), key -> new TreeSet<>());
                commands.addAll(childrenOf(node.id(), Layer.COMMAND));
                criteria.add(new TraceReport.Criterion(node.id(), node.title(), List.copyOf(commands)));
            }
        }
        return new TraceReport(requirements, criteria, broken);
    }

    private List<String> childrenOf(String id, Layer layer) {
        return children.getOrDefault(id, List.of()).stream()
                .filter(child -> byId.containsKey(child) && byId.get(child).layer() == layer)
                .sorted().toList();
    }

    /**
     * Writes {@code trace.csv} as ToDoWrite's {@code tw_trace.py} wrote it: the header
     * {@code from_id,from_layer,from_title,to_id,to_layer,to_title,relationship,valid}; for each node, by layer
     * then id, a {@code parent_to_child} row for each of its children, or one {@code leaf} row when it has none;
     * then a {@code child_to_parent} row for each link whose parent does not exist. Layers by their ToDoWrite
     * names, {@code valid} as {@code True} or {@code False} (whether the other end exists), fields quoted only
     * where they must be, lines ended by CRLF (RFC 4180, and Python's {@code csv} module).
     *
     * @param out the writer; left open
     * @throws IOException when writing fails
     */
    public void writeCsv(Writer out) throws IOException {
        writeCsv(out, CsvLayout.TODOWRITE_0_1_5);
    }

    /**
     * Writes {@code trace.csv} in {@code layout}. {@link CsvLayout#TODOWRITE_0_1_5} is {@link #writeCsv(Writer)};
     * {@link CsvLayout#TODOWRITE_0_2} is the layout of ToDoWrite's {@code tw_trace.py} from 0.1.6 on (the same in
     * 0.2.0 and 0.2.2): the header {@code source_id,source_layer,source_title,target_id,target_layer,target_title,
     * relationship,depth}; a {@code parent_of} row for each link, parent first, then a {@code child_of} row for each
     * link, child first, {@code depth} always {@code 1}, no row for a node without links. Rows follow the nodes by
     * layer then id (ToDoWrite followed its file names and sets, in no stated order); the ends of a link that does
     * not exist have empty layer and title. Quoting and CRLF as in {@link #writeCsv(Writer)}.
     *
     * @param out where the rows go; flushed, not closed
     * @param layout the column layout, of one ToDoWrite version or the other
     * @throws IOException when {@code out} cannot be written
     */
    public void writeCsv(Writer out, CsvLayout layout) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(layout, "layout");
        if (layout == CsvLayout.TODOWRITE_0_2) {
            writeCsv02(out);
            return;
        }
        Csv csv = new Csv(out);
        csv.row(CSV_HEADER.split(","));
        for (Node node : nodes) {
            List<String> below = children.getOrDefault(node.id(), List.of());
            if (below.isEmpty()) {
                csv.row(node.id(), layerName(node), node.title(), "", "", "", "leaf", "True");
            }
            for (String childId : below) {
                Node child = byId.get(childId);
                csv.row(node.id(), layerName(node), node.title(), childId, layerName(child),
                        child == null ? "" : child.title(), "parent_to_child", child == null ? "False" : "True");
            }
        }
        for (Link link : links) {
            if (!byId.containsKey(link.parentId())) {
                Node child = byId.get(link.childId());
                csv.row(link.parentId(), "", "", link.childId(), layerName(child), child == null ? "" : child.title(),
                        "child_to_parent", "False");
            }
        }
        out.flush();
    }

    /**
     * Writes {@code trace.csv}, in UTF-8, to {@code file}, making its folder; see {@link #writeCsv(Writer)}.
     *
     * @param file the file to write
     * @throws IOException when the folder cannot be made or the file written
     */
    public void writeCsv(Path file) throws IOException {
        createParent(file);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(out);
        }
    }

    /**
     * Writes {@code trace.csv} in {@code layout}, in UTF-8, to {@code file}, making its folder.
     *
     * @param file the file to write
     * @param layout the column layout, of one ToDoWrite version or the other
     * @throws IOException when the folder cannot be made or the file written
     */
    public void writeCsv(Path file, CsvLayout layout) throws IOException {
        Objects.requireNonNull(layout, "layout");
        createParent(file);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(out, layout);
        }
    }

    private void writeCsv02(Writer out) throws IOException {
        Csv csv = new Csv(out);
        csv.row(CSV_HEADER_0_2.split(","));
        for (Link link : links) {
            row02(csv, link.parentId(), link.childId(), "parent_of");
        }
        List<Link> byChild = new ArrayList<>(links);
        Map<String, Integer> position = new HashMap<>();
        for (int index = 0; index < nodes.size(); index++) {
            position.put(nodes.get(index).id(), index);
        }
        byChild.sort(Comparator.<Link>comparingInt(link -> position.getOrDefault(link.childId(), Integer.MAX_VALUE))
                .thenComparing(Link::childId).thenComparing(Link::parentId));
        for (Link link : byChild) {
            row02(csv, link.childId(), link.parentId(), "child_of");
        }
        out.flush();
    }

    private void row02(Csv csv, String sourceId, String targetId, String relationship) throws IOException {
        Node source = byId.get(sourceId);
        Node target = byId.get(targetId);
        csv.row(sourceId, layerName(source), source == null ? "" : source.title(), targetId, layerName(target),
                target == null ? "" : target.title(), relationship, "1");
    }

    /**
     * Writes {@code graph.json} as ToDoWrite's {@code tw_trace.py} wrote it, indented by two spaces:
     *
     * <pre>{@code
     * {
     *   "nodes": {
     *     "GOAL-SHIP": {"layer": "Goal", "title": "Ship 1.0", "status": "in_progress", "progress": 0,
     *                   "file_path": "plans/goals/GOAL-SHIP.yaml", "metadata": {"owner": "ana"}}
     *   },
     *   "edges": [{"from": "GOAL-SHIP", "to": "TSK-PARSER", "type": "parent_child"}],
     *   "statistics": {"total_nodes": 2, "total_edges": 1, "orphan_nodes": [], "missing_references": []}
     * }
     * }</pre>
     *
     * Nodes by layer then id; {@code file_path} where Cairn's ToDoWrite export puts the node's file;
     * {@code metadata} with ToDoWrite's names ({@code owner}, {@code assignee}, {@code labels},
     * {@code severity}, {@code work_type}), each only when set; {@code status} and {@code progress} are Cairn's
     * additions. {@code orphan_nodes} are nodes below Goal without a parent (ToDoWrite counted its roots too),
     * {@code missing_references} the ids a link names that do not exist.
     *
     * @param out the writer; left open
     * @throws IOException when writing fails
     */
    public void writeGraphJson(Writer out) throws IOException {
        Objects.requireNonNull(out, "out");
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setPrettyPrinter(prettyPrinter());
            writeGraph(json);
        }
        out.write('\n');
        out.flush();
    }

    /**
     * Writes {@code graph.json} in UTF-8 to {@code out}, which is left open; see {@link #writeGraphJson(Writer)}.
     *
     * @param out the stream to write to
     * @throws IOException when writing fails
     */
    public void writeGraphJson(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(Objects.requireNonNull(out, "out"), StandardCharsets.UTF_8);
        writeGraphJson(writer);
    }

    /**
     * Writes {@code graph.json} in UTF-8 to {@code file}, making its folder; see {@link #writeGraphJson(Writer)}.
     *
     * @param file the file to write
     * @throws IOException when the folder cannot be made or the file written
     */
    public void writeGraphJson(Path file) throws IOException {
        createParent(file);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeGraphJson(out);
        }
    }

    private void writeGraph(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("nodes");
        for (Node node : nodes) {
            json.writeObjectFieldStart(node.id());
            json.writeStringField("layer", node.layer().displayName());
            json.writeStringField("title", node.title());
            json.writeStringField("status", node.status().wireName());
            json.writeNumberField("progress", node.progress());
            json.writeStringField("file_path", node.layer().folder() + "/" + node.id() + ".yaml");
            json.writeObjectFieldStart("metadata");
            writeIfSet(json, "owner", node.owner());
            writeIfSet(json, "assignee", node.assignee());
            if (!node.labels().isEmpty()) {
                json.writeArrayFieldStart("labels");
                for (String label : node.labels()) {
                    json.writeString(label);
                }
                json.writeEndArray();
            }
            writeIfSet(json, "severity", node.severity() == null ? null : wire(node.severity()));
            writeIfSet(json, "work_type", node.workType() == null ? null : wire(node.workType()));
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeArrayFieldStart("edges");
        for (Link link : links) {
            json.writeStartObject();
            json.writeStringField("from", link.parentId());
            json.writeStringField("to", link.childId());
            json.writeStringField("type", "parent_child");
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("statistics");
        json.writeNumberField("total_nodes", nodes.size());
        json.writeNumberField("total_edges", links.size());
        Set<String> hasParent = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        for (Link link : links) {
            hasParent.add(link.childId());
            for (String end : List.of(link.parentId(), link.childId())) {
                if (!byId.containsKey(end)) {
                    missing.add(end);
                }
            }
        }
        json.writeArrayFieldStart("orphan_nodes");
        for (Node node : nodes.stream().sorted(Comparator.comparing(Node::id)).toList()) {
            if (node.layer() != Layer.GOAL && !hasParent.contains(node.id())) {
                json.writeString(node.id());
            }
        }
        json.writeEndArray();
        json.writeArrayFieldStart("missing_references");
        for (String id : missing) {
            json.writeString(id);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Two spaces an indent, {@code "key": value}, every array element on a line: Python's {@code indent=2}. */
    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    private static void writeIfSet(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private static String layerName(Node node) {
        return node == null ? "" : node.layer().displayName();
    }

    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static void createParent(Path file) throws IOException {
        Path parent = Objects.requireNonNull(file, "file").toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** Rows of RFC 4180 CSV: a field quoted when it holds a comma, a quote or a line break. */
    static final class Csv {
        private final Writer out;

        Csv(Writer out) {
            this.out = out;
        }

        void row(String... fields) throws IOException {
            for (int index = 0; index < fields.length; index++) {
                if (index > 0) {
                    out.write(',');
                }
                out.write(field(fields[index]));
            }
            out.write("\r\n");
        }

        static String field(String value) {
            if (value == null) {
                return "";
            }
            if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
                return value;
            }
            return '"' + value.replace("\"", "\"\"") + '"';
        }
    }

    @Override
    public String toString() {
        return "Traceability[" + nodes.size() + " nodes, " + links.size() + " links]";
    }
}
