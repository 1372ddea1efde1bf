package dev.cairn.cli;

import dev.cairn.core.Node;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Nodes as people read them: one line, a table, a percentage. */
final class NodeText {
    private NodeText() {
    }

    /** {@code TSK-PARSER  Write the parser  [Task, in_progress, 40%]}. */
    static String line(Node node) {
        return node.id() + "  " + node.title() + "  [" + node.layer().displayName() + ", " + node.status().wireName()
                + ", " + node.progress() + "%]";
    }

    static void table(PrintWriter out, List<Node> nodes) {
        if (nodes.isEmpty()) {
            out.println("No nodes.");
            return;
        }
        Table table = new Table("ID", "LAYER", "STATUS", "PROGRESS", "OWNER", "TITLE").alignRight(3);
        for (Node node : nodes) {
            table.row(node.id(), node.layer().displayName(), node.status().wireName(), node.progress() + "%",
                    node.owner(), node.title());
        }
        table.print(out);
    }

    static String percent(double progress) {
        return String.format(Locale.ROOT, "%.0f%%", progress);
    }
}
