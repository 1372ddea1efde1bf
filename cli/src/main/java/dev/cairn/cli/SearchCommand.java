package dev.cairn.cli;

import dev.cairn.core.Node;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cairn search TEXT}: the nodes whose title or description contains a text. */
@Command(name = "search", sortOptions = false,
        description = "Finds nodes whose title or description contains TEXT, ignoring case; list's filters apply.",
        footerHeading = "%nExample:%n", footer = "  cairn search parser --layer task --status planned")
final class SearchCommand extends CliCommand {
    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The text; several words are one text.")
    List<String> words;

    @Mixin
    QueryOptions query;

    @Override
    int run() {
        List<Node> nodes = cairn().find(query.query(String.join(" ", words)));
        output().emit(Shapes.nodes(nodes), out -> NodeText.table(out, nodes));
        return ExitCodes.OK;
    }
}
