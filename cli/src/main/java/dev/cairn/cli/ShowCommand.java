package dev.cairn.cli;

import dev.cairn.core.Node;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn show ID}: one node, every field, its parents, children and rolled-up progress. */
@Command(name = "show", description = "Shows a node: every field, its parents and children, rolled-up progress.",
        footerHeading = "%nExample:%n", footer = "  cairn show TSK-PARSER --format json")
final class ShowCommand extends CliCommand {
    @Parameters(paramLabel = "ID", description = "The node's id.")
    String id;

    @Override
    int run() {
        Node node = cairn().get(id);
        List<Node> parents = cairn().parents(id);
        List<Node> children = cairn().children(id);
        double rolledUp = cairn().rolledUpProgress(id);
        Map<String, Object> data = Shapes.node(node);
        data.put("rolledUpProgress", Shapes.rounded(rolledUp));
        data.put("parents", parents.stream().map(Node::id).toList());
        data.put("children", children.stream().map(Node::id).toList());
        output().emit(data, out -> print(out, node, parents, children, rolledUp));
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, Node node, List<Node> parents, List<Node> children, double rolledUp) {
        out.println(node.id() + "  " + node.title());
        Table table = new Table("", "").withoutHeader();
        table.row("layer", node.layer().displayName());
        table.row("status", node.status().wireName());
        table.row("progress", node.progress() + "%, rolled up " + NodeText.percent(rolledUp));
        optional(table, "description", node.description());
        optional(table, "owner", node.owner());
        optional(table, "assignee", node.assignee());
        optional(table, "severity", node.severity() == null ? null : node.severity().wireName());
        optional(table, "work type", node.workType() == null ? null : node.workType().wireName());
        optional(table, "labels", node.labels().isEmpty() ? null : String.join(", ", node.labels()));
        node.customFields().forEach((key, value) -> table.row("field " + key, value));
        if (node.command() != null) {
            table.row("verifies", node.command().acRef());
            table.row("runs", node.command().run().shell());
            optional(table, "in", node.command().run().workdir());
            node.command().run().env().forEach((name, value) -> table.row("env", name + "=" + value));
            node.command().artifacts().forEach(path -> table.row("artifact", path));
        }
        optional(table, "started", instant(node.startedAt()));
        optional(table, "completed", instant(node.completedAt()));
        table.row("created", instant(node.createdAt()));
        table.row("updated", instant(node.updatedAt()) + " (version " + node.version() + ")");
        table.row("parents", ids(parents));
        table.row("children", ids(children));
        table.print(out, "  ");
    }

    private static void optional(Table table, String key, String value) {
        if (value != null) {
            table.row(key, value);
        }
    }

    private static String ids(List<Node> nodes) {
        return nodes.isEmpty() ? "-" : nodes.stream().map(Node::id).collect(Collectors.joining(", "));
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
