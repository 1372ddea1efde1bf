package dev.cairn.cli;

import dev.cairn.core.Node;
import dev.cairn.core.PlanTree;
import dev.cairn.core.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders plan trees ({@link dev.cairn.core.PlanGraph#forest()}, or {@link dev.cairn.core.PlanGraph#tree} of
 * one node) as a Mermaid flowchart or a Graphviz DOT digraph, each node with its id, title, status and
 * rolled-up progress, coloured by status. A node with several parents appears once, with an edge from each.
 *
 * <pre>
 * flowchart TD
 *     classDef in_progress fill:#e3f2fd,stroke:#1e88e5,color:#0d47a1
 *     GOAL_SHIP["GOAL-SHIP&lt;br/&gt;Ship 1.0&lt;br/&gt;in_progress, 50%"]:::in_progress
 *     GOAL_SHIP --&gt; TSK_PARSER
 * </pre>
 *
 * Thread-safe: stateless.
 */
final class GraphText {
    private static final Map<Status, String[]> COLOURS = colours();

    private GraphText() {
    }

    /** The trees as a Mermaid {@code flowchart TD}. */
    static String mermaid(List<PlanTree> trees) {
        StringBuilder out = new StringBuilder();
        appendOrFail(() -> mermaid(trees, out));
        return out.toString();
    }

    /** Writes the trees as a Mermaid {@code flowchart TD} to {@code out}, a line at a time. */
    static void mermaid(List<PlanTree> trees, Appendable out) throws IOException {
        Graph graph = Graph.of(trees);
        out.append("flowchart TD\n");
        for (Status status : Status.values()) {
            String[] colour = COLOURS.get(status);
            out.append("    classDef ").append(status.wireName()).append(" fill:").append(colour[0])
                    .append(",stroke:").append(colour[1]).append(",color:").append(colour[2])
                    .append(status == Status.CANCELLED ? ",stroke-dasharray:5 5" : "").append('\n');
        }
        Map<String, String> ids = mermaidIds(graph.nodes.keySet());
        for (PlanTree tree : graph.nodes.values()) {
            Node node = tree.node();
            out.append("    ").append(ids.get(node.id())).append("[\"")
                    .append(mermaidText(node.id())).append("<br/>")
                    .append(mermaidText(node.title())).append("<br/>")
                    .append(state(tree)).append("\"]:::").append(node.status().wireName()).append('\n');
        }
        for (String[] edge : graph.edges) {
            out.append("    ").append(ids.get(edge[0])).append(" --> ").append(ids.get(edge[1])).append('\n');
        }
    }

    /** The trees as a Graphviz DOT {@code digraph}. */
    static String dot(List<PlanTree> trees) {
        StringBuilder out = new StringBuilder();
        appendOrFail(() -> dot(trees, out));
        return out.toString();
    }

    /** Writes the trees as a Graphviz DOT {@code digraph} to {@code out}, a line at a time. */
    static void dot(List<PlanTree> trees, Appendable out) throws IOException {
        Graph graph = Graph.of(trees);
        out.append("digraph plan {\n");
        out.append("    rankdir=TB;\n");
        out.append("    node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n");
        for (PlanTree tree : graph.nodes.values()) {
            Node node = tree.node();
            String[] colour = COLOURS.get(node.status());
            out.append("    ").append(dotString(node.id())).append(" [label=\"")
                    .append(dotText(node.id())).append("\\n").append(dotText(node.title())).append("\\n")
                    .append(state(tree)).append("\", fillcolor=\"").append(colour[0]).append("\", color=\"")
                    .append(colour[1]).append("\", fontcolor=\"").append(colour[2]).append('"')
                    .append(node.status() == Status.CANCELLED ? ", style=\"rounded,filled,dashed\"" : "")
                    .append("];\n");
        }
        for (String[] edge : graph.edges) {
            out.append("    ").append(dotString(edge[0])).append(" -> ").append(dotString(edge[1])).append(";\n");
        }
        out.append("}\n");
    }

    private static String state(PlanTree tree) {
        return tree.node().status().wireName() + String.format(Locale.ROOT, ", %.0f%%", tree.rolledUpProgress());
    }

    /**
     * Mermaid ids for node ids: letters, digits and underscores only, since a hyphen pair in an id would read
     * as an edge; a second node that would get the same id gets a numbered one.
     */
    private static Map<String, String> mermaidIds(Set<String> nodeIds) {
        Map<String, String> ids = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (String nodeId : nodeIds) {
            String base = nodeId.replaceAll("[^A-Za-z0-9_]", "_");
            String id = base;
            for (int suffix = 2; !used.add(id); suffix++) {
                id = base + "_" + suffix;
            }
            ids.put(nodeId, id);
        }
        return ids;
    }

    /**
     * Text inside a quoted Mermaid label: quotes and the characters Mermaid or its HTML labels would read as
     * markup become Mermaid's entity codes, line breaks {@code <br/>}.
     */
    static String mermaidText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            switch (c) {
                case '"' -> out.append("#quot;");
                case '#' -> out.append("#35;");
                case '&' -> out.append("#amp;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '\r' -> {
                    out.append("<br/>");
                    if (index + 1 < text.length() && text.charAt(index + 1) == '\n') {
                        index++;
                    }
                }
                case '\n' -> out.append("<br/>");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** A DOT double-quoted string. */
    static String dotString(String text) {
        return '"' + dotText(text) + '"';
    }

    /** Text inside a DOT double-quoted string: backslashes and quotes escaped, line breaks {@code \n}. */
    static String dotText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\r' -> {
                    out.append("\\n");
                    if (index + 1 < text.length() && text.charAt(index + 1) == '\n') {
                        index++;
                    }
                }
                case '\n' -> out.append("\\n");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** Fill, border and text colours by status. */
    private static Map<Status, String[]> colours() {
        Map<Status, String[]> colours = new HashMap<>();
        colours.put(Status.PLANNED, new String[] {"#f5f5f5", "#9e9e9e", "#212121"});
        colours.put(Status.IN_PROGRESS, new String[] {"#e3f2fd", "#1e88e5", "#0d47a1"});
        colours.put(Status.COMPLETED, new String[] {"#e8f5e9", "#43a047", "#1b5e20"});
        colours.put(Status.BLOCKED, new String[] {"#ffebee", "#e53935", "#b71c1c"});
        colours.put(Status.CANCELLED, new String[] {"#eeeeee", "#9e9e9e", "#616161"});
        return colours;
    }

    private interface Rendering {
        void run() throws IOException;
    }

    private static void appendOrFail(Rendering rendering) {
        try {
            rendering.run();
        } catch (IOException impossible) {
            throw new UncheckedIOException("A StringBuilder failed to append", impossible);
        }
    }

    /** Each node once, in the order a depth-first walk first meets it, and each parent → child edge once. */
    private static final class Graph {
        final Map<String, PlanTree> nodes = new LinkedHashMap<>();
        final List<String[]> edges = new ArrayList<>();

        static Graph of(List<PlanTree> trees) {
            Objects.requireNonNull(trees, "trees");
            Graph graph = new Graph();
            for (PlanTree tree : trees) {
                graph.visit(tree);
            }
            return graph;
        }

        private void visit(PlanTree tree) {
            if (nodes.putIfAbsent(tree.node().id(), tree) != null) {
                // Met before under another parent: its subtree and edges are in already.
                return;
            }
            for (PlanTree child : tree.children()) {
                edges.add(new String[] {tree.node().id(), child.node().id()});
                visit(child);
            }
        }
    }
}
