package dev.cairn.cli;

import dev.cairn.core.Node;
import dev.cairn.core.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code cairn status ID STATUS}: moves a node along the status transitions, or reopens it. */
@Command(name = "status",
        description = {"Moves a node to another status, as the transitions allow: planned -> in_progress | "
                + "blocked | cancelled; in_progress -> completed | blocked | cancelled; blocked -> in_progress | "
                + "cancelled; cancelled -> in_progress. Entering in_progress stamps the start date, completing the "
                + "completion date and 100%%. A completed node moves back only with --reopen."},
        footerHeading = "%nExamples:%n", footer = {"  cairn status TSK-PARSER in_progress",
            "  cairn status TSK-PARSER --reopen"})
final class StatusCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The node's id.")
    String id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "STATUS", converter = Converters.StatusConverter.class,
            completionCandidates = Converters.StatusNames.class,
            description = "planned, in_progress, completed, blocked or cancelled.")
    Status status;

    @Option(names = "--reopen", description = "Moves a completed node back to in_progress.")
    boolean reopen;

    @Override
    boolean createsStore() {
        return true;
    }

    @Override
    int run() {
        if (reopen == (status != null)) {
            throw new ParameterException(spec.commandLine(), reopen ? "Give either STATUS or --reopen, not both"
                    : "Missing STATUS: planned, in_progress, completed, blocked or cancelled (or --reopen)");
        }
        Node node = reopen ? cairn().reopen(id) : cairn().setStatus(id, status);
        output().emit(Shapes.node(node), out -> out.println(node.id() + " is " + node.status().wireName()
                + " (" + node.progress() + "%)"));
        return ExitCodes.OK;
    }
}
