package dev.cairn.cli;

import dev.cairn.core.Node;
import dev.cairn.core.PlanTree;
import java.util.List;
import java.util.Locale;

/**
 * Renders plan trees as indented text, one node a line, with status and rolled-up progress:
 *
 * <pre>
 * GOAL-SHIP  Ship 1.0                      [in_progress]  42%
 * └─ TSK-PARSER  Write the parser          [completed]   100%
 * </pre>
 *
 * Thread-safe.
 */
final class TreeText {
    private TreeText() {
    }

    /** The trees, each root at the left margin. */
    static String render(List<PlanTree> trees) {
        StringBuilder out = new StringBuilder();
        for (PlanTree tree : trees) {
            line(out, "", tree);
            children(out, "", tree);
        }
        return out.toString();
    }

    private static void children(StringBuilder out, String indent, PlanTree tree) {
        List<PlanTree> children = tree.children();
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            PlanTree child = children.get(i);
            line(out, indent + (last ? "└─ " : "├─ "), child);
            children(out, indent + (last ? "   " : "│  "), child);
        }
    }

    private static void line(StringBuilder out, String prefix, PlanTree tree) {
        Node node = tree.node();
        out.append(prefix).append(node.id()).append("  ").append(node.title())
                .append("  [").append(node.status().wireName()).append("] ")
                .append(String.format(Locale.ROOT, "%3.0f%%", tree.rolledUpProgress()))
                .append('\n');
    }
}
