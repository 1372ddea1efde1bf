package dev.cairn.cli;

import dev.cairn.core.PlanTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn graph [ID]}: the plan as a Mermaid flowchart, or Graphviz DOT. */
@Command(name = "graph",
        description = {"Draws the plan, or the part below a node, as a Mermaid flowchart (paste it into Markdown), "
                + "or as Graphviz DOT with --dot: each node with its id, title, status and rolled-up progress, "
                + "coloured by status. A node with several parents appears once, with an edge from each. "
                + "--format does not apply: the drawing is the output."},
        footerHeading = "%nExamples:%n",
        footer = {"  cairn graph > plan.mmd", "  cairn graph R-IMPORT --dot -o import.dot && dot -Tsvg import.dot"})
final class GraphCommand extends CliCommand {
    @Parameters(arity = "0..1", paramLabel = "ID", description = "The node to start from; every root when absent.")
    String id;

    @Option(names = "--dot", description = "Graphviz DOT instead of Mermaid.")
    boolean dot;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path file;

    @Override
    int run() {
        List<PlanTree> trees = id == null ? cairn().forest() : List.of(cairn().tree(id));
        try {
            if (file == null) {
                draw(trees, output().out());
            } else {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    draw(trees, out);
                }
                output().note("Wrote " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private void draw(List<PlanTree> trees, Writer out) throws IOException {
        if (dot) {
            GraphText.dot(trees, out);
        } else {
            GraphText.mermaid(trees, out);
        }
    }
}
