package dev.cairn.cli;

import dev.cairn.core.Node;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn progress ID [PERCENT]}: shows a node's progress, or sets its own. */
@Command(name = "progress",
        description = "Shows a node's own and rolled-up progress, or sets its own progress (0 to 100). Rolled-up "
                + "progress is the mean of the children's, completed counting 100 and cancelled left out.",
        footerHeading = "%nExamples:%n", footer = {"  cairn progress TSK-WRITER 40", "  cairn progress GOAL-SHIP"})
final class ProgressCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The node's id.")
    String id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PERCENT", description = "The new progress, 0 to 100.")
    Integer percent;

    @Override
    boolean createsStore() {
        return percent != null;
    }

    @Override
    int run() {
        Node node = percent == null ? cairn().get(id)
                : cairn().setProgress(id, NodeFields.percent(percent, "PERCENT"));
        double rolledUp = cairn().rolledUpProgress(id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", node.id());
        data.put("progress", Shapes.progress(node.progress()));
        data.put("rolledUpProgress", Shapes.rounded(rolledUp));
        output().emit(data, out -> out.println(node.id() + "  " + node.progress() + "% own, "
                + NodeText.percent(rolledUp) + " rolled up"));
        return ExitCodes.OK;
    }
}
