package dev.cairn.cli;

import dev.cairn.core.Label;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code cairn label add|remove|list}. */
@Command(name = "label", description = "Adds labels to a node, removes them, or lists them.",
        synopsisSubcommandLabel = "(add | remove | list)",
        subcommands = {LabelCommand.Add.class, LabelCommand.Remove.class, LabelCommand.ListLabels.class},
        footerHeading = "%nExamples:%n",
        footer = {"  cairn label add TSK-PARSER parser yaml", "  cairn label list"})
final class LabelCommand extends CliCommand {
    @Override
    int run() {
        throw new ParameterException(spec.commandLine(), "Say what to do: label add, label remove or label list");
    }

    @Command(name = "add", description = "Adds labels to a node; labels it has already are left alone.",
            footerHeading = "%nExample:%n", footer = "  cairn label add TSK-PARSER parser --description \"YAML work\"")
    static final class Add extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The node's id.")
        String id;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "LABEL", description = "The labels.")
        List<String> names;

        @Option(names = "--description", paramLabel = "TEXT", description = "Describes the labels too.")
        String description;

        @Override
        int run() {
            if (description != null) {
                names.forEach(name -> cairn().defineLabel(name, description));
            }
            Node node = cairn().label(id, names.toArray(String[]::new));
            output().emit(Shapes.node(node), out -> out.println(node.id() + " labels: " + labels(node)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", description = "Removes labels from a node. A label it does not have is not found "
            + "(exit 3), as a link 'cairn unlink' does not find, and then none is removed.",
            footerHeading = "%nExample:%n", footer = "  cairn label remove TSK-PARSER yaml")
    static final class Remove extends CliCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The node's id.")
        String id;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "LABEL", description = "The labels.")
        List<String> names;

        @Override
        int run() {
            Node current = cairn().get(id);
            List<String> absent = names.stream().filter(name -> !current.labels().contains(name)).distinct().toList();
            if (!absent.isEmpty()) {
                throw new NotFoundException(id + " has no label " + String.join(", ", absent) + " to remove; its labels: "
                        + labels(current) + ".");
            }
            Node node = cairn().unlabel(id, names.toArray(String[]::new));
            output().emit(Shapes.node(node), out -> out.println(node.id() + " labels: " + labels(node)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Lists every label with its description and how many nodes carry it, "
            + "or the labels of one node.",
            footerHeading = "%nExamples:%n", footer = {"  cairn label list", "  cairn label list TSK-PARSER"})
    static final class ListLabels extends CliCommand {
        @Parameters(arity = "0..1", paramLabel = "ID", description = "A node whose labels to list.")
        String id;

        @Override
        int run() {
            List<Label> labels = cairn().labels();
            if (id != null) {
                Node node = cairn().get(id);
                labels = labels.stream().filter(label -> node.labels().contains(label.name())).toList();
            }
            List<Map<String, Object>> data = new ArrayList<>();
            Table table = new Table("LABEL", "NODES", "DESCRIPTION").alignRight(1);
            for (Label label : labels) {
                long nodes = cairn().count(NodeQuery.all().withAnyLabel(label.name()));
                data.add(Shapes.label(label, nodes));
                table.row(label.name(), nodes, label.description());
            }
            output().emit(data, out -> {
                if (table.isEmpty()) {
                    out.println("No labels.");
                } else {
                    table.print(out);
                }
            });
            return ExitCodes.OK;
        }
    }

    private static String labels(Node node) {
        return node.labels().isEmpty() ? "none" : String.join(", ", node.labels());
    }
}
