package dev.cairn.cli;

import dev.cairn.core.PlanTree;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn tree [ID]}: the plan below a node, or below every root, with rolled-up progress. */
@Command(name = "tree",
        description = "Shows the plan as a tree, from a node or from every root, with each node's status and "
                + "rolled-up progress. A node with several parents appears under each.",
        footerHeading = "%nExamples:%n", footer = {"  cairn tree", "  cairn tree R-IMPORT --depth 1"})
final class TreeCommand extends CliCommand {
    @Parameters(arity = "0..1", paramLabel = "ID", description = "The node to start from; every root when absent.")
    String id;

    @Option(names = "--depth", paramLabel = "N", description = "Show N levels below the start, not all.")
    Integer depth;

    @Override
    int run() {
        if (depth != null && depth < 0) {
            throw new UsageException("--depth must be 0 or more");
        }
        List<PlanTree> trees = id == null ? cairn().forest() : List.of(cairn().tree(id));
        List<PlanTree> shown = depth == null ? trees : prune(trees, depth);
        output().emit(Shapes.trees(shown), out -> {
            if (shown.isEmpty()) {
                out.println("No nodes. Add one with 'cairn add goal TITLE', or try 'cairn demo'.");
            } else {
                out.print(TreeText.render(shown));
            }
        });
        return ExitCodes.OK;
    }

    /** The trees cut {@code depth} levels below their roots; rolled-up progress stays that of the whole. */
    static List<PlanTree> prune(List<PlanTree> trees, int depth) {
        List<PlanTree> pruned = new ArrayList<>(trees.size());
        for (PlanTree tree : trees) {
            pruned.add(new PlanTree(tree.node(), tree.rolledUpProgress(),
                    depth == 0 ? List.of() : prune(tree.children(), depth - 1)));
        }
        return pruned;
    }
}
