package dev.cairn.cli;

import dev.cairn.core.Node;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn list}: the nodes matching every filter of a node query. */
@Command(name = "list", sortOptions = false,
        description = "Lists nodes: all of them, or those matching every filter given.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  cairn list --layer task --status planned,in_progress --owner ana --sort title",
            "  cairn list --label parser --format json | jq -r '.[].id'"})
final class ListCommand extends CliCommand {
    @Option(names = {"-t", "--text"}, paramLabel = "TEXT",
            description = "Only nodes whose title or description contains TEXT, ignoring case.")
    String text;

    @Mixin
    QueryOptions query;

    @Override
    int run() {
        List<Node> nodes = cairn().find(query.query(text));
        output().emit(Shapes.nodes(nodes), out -> NodeText.table(out, nodes));
        return ExitCodes.OK;
    }
}
