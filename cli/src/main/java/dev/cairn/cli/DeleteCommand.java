package dev.cairn.cli;

import dev.cairn.core.DeleteMode;
import dev.cairn.core.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn delete ID}: asks first at a terminal, unless {@code --yes}. */
@Command(name = "delete",
        description = {"Deletes a node. One with children is refused unless --cascade (also deletes the nodes below "
                + "it that would be left without a parent) or --detach (keeps its children). At a terminal it asks "
                + "first, unless --yes."},
        footerHeading = "%nExamples:%n", footer = {"  cairn delete TSK-XML", "  cairn delete R-IMPORT --cascade --yes"})
final class DeleteCommand extends CliCommand {
    @Parameters(paramLabel = "ID", description = "The node's id.")
    String id;

    @ArgGroup(exclusive = true)
    Mode mode;

    @Option(names = {"-y", "--yes"}, description = "Do not ask.")
    boolean yes;

    static final class Mode {
        @Option(names = "--cascade", required = true,
                description = "Also delete the nodes below that would be left without a parent.")
        boolean cascade;

        @Option(names = "--detach", required = true, description = "Keep the children, without this parent.")
        boolean detach;
    }

    @Override
    boolean createsStore() {
        return true;
    }

    @Override
    int run() {
        DeleteMode deleteMode = mode == null ? DeleteMode.REFUSE : mode.cascade ? DeleteMode.CASCADE : DeleteMode.DETACH;
        if (environment().interactive() && !yes) {
            Node node = cairn().get(id);
            String below = deleteMode == DeleteMode.CASCADE
                    ? " and the nodes below it that have no other parent (" + cairn().descendants(id).size()
                    + " below it)" : "";
            environment().err().print("Delete " + node.id() + " \"" + node.title() + "\"" + below + "? [y/N] ");
            environment().err().flush();
            if (!confirmed()) {
                environment().err().println("cairn: nothing deleted.");
                return ExitCodes.FAILURE;
            }
        }
        List<String> deleted = cairn().delete(id, deleteMode);
        output().emit(Map.of("deleted", deleted), out -> out.println("Deleted " + String.join(", ", deleted)));
        return ExitCodes.OK;
    }

    private boolean confirmed() {
        try {
            String answer = environment().in().readLine();
            return answer != null && List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
