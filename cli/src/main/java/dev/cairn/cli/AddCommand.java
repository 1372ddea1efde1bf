package dev.cairn.cli;

import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn add LAYER TITLE}: creates a node, with every field, its parents and its labels. */
@Command(name = "add", sortOptions = false,
        description = "Adds a node. Its id is made from the layer's prefix unless --id names one.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  cairn add task \"Write the parser\" --parent R-IMPORT --owner ana --label parser",
            "  id=$(cairn add goal Ship 1.0 --quiet)",
            "  cairn add command \"Import the fixtures\" --parent AC-FIXTURES --ac-ref AC-FIXTURES "
                    + "--run \"make import\""})
final class AddCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "LAYER", converter = Converters.LayerConverter.class,
            completionCandidates = Converters.LayerNames.class,
            description = "goal, concept, context, constraints, requirements, acceptance_criteria, "
                    + "interface_contract, phase, step, task, subtask or command (or the id prefix: GOAL, CON, ... CMD).")
    Layer layer;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TITLE",
            description = "The title; several words need no quotes.")
    List<String> title;

    @Option(names = "--id", paramLabel = "ID", description = "The id, such as TSK-PARSER; made up when absent.")
    String id;

    @Option(names = {"-p", "--parent"}, paramLabel = "ID", split = ",",
            description = "A parent to link under, of an earlier layer; repeat it for several.")
    List<String> parents;

    @Option(names = "--created-at", paramLabel = "DATE", converter = Converters.InstantConverter.class,
            description = "A creation date to keep, as an import does; else now.")
    Instant createdAt;

    @Option(names = {"-q", "--quiet"}, description = "Print only the new node's id.")
    boolean quiet;

    @Mixin
    NodeFields fields;

    @Override
    boolean createsStore() {
        return true;
    }

    @Override
    int run() {
        NodeDraft draft = NodeDraft.of(layer, String.join(" ", title));
        if (id != null) {
            draft.id(id);
        }
        if (parents != null) {
            draft.parents(parents);
        }
        if (createdAt != null) {
            draft.createdAt(createdAt);
        }
        fields.applyTo(draft);
        Node node = cairn().create(draft);
        if (quiet && output().isText()) {
            output().out().println(node.id());
        } else {
            output().emit(Shapes.node(node), out -> out.println("Added " + NodeText.line(node)));
        }
        return ExitCodes.OK;
    }
}
