package dev.cairn.cli;

import dev.cairn.core.Node;
import dev.cairn.core.NodePatch;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code cairn update ID}: a partial update; fields not named are left alone. */
@Command(name = "update", sortOptions = false,
        description = {"Changes the fields named and leaves the others alone. An empty text (--owner \"\") or "
                + "--clear FIELD clears a field; --label replaces every label (see 'cairn label' to add or remove one)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cairn update TSK-PARSER --assignee ben --severity high",
            "  cairn update TSK-PARSER --clear assignee,severity --expect-version 4"})
final class UpdateCommand extends CliCommand {
    @Parameters(paramLabel = "ID", description = "The node's id.")
    String id;

    @Option(names = "--title", paramLabel = "TITLE", description = "A new title.")
    String title;

    @Option(names = "--clear", paramLabel = "FIELD", split = ",",
            description = "Clears fields: description, owner, assignee, severity, work-type, labels, started-at, "
                    + "completed-at, command.")
    List<String> clear;

    @Option(names = "--expect-version", paramLabel = "N",
            description = "Fail (exit 4) unless the node is still at version N.")
    Long expectVersion;

    @Mixin
    NodeFields fields;

    @Override
    boolean createsStore() {
        return true;
    }

    @Override
    int run() {
        NodePatch patch = NodePatch.create();
        if (title != null) {
            patch.title(title);
        }
        Node current = fields.namesCommand() ? cairn().get(id) : null;
        fields.applyTo(patch, current);
        if (clear != null) {
            clear.forEach(field -> clear(patch, field));
        }
        if (patch.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Name a field to change, such as --title or --owner");
        }
        if (expectVersion != null) {
            patch.expectVersion(expectVersion);
        }
        Node node = cairn().update(id, patch);
        output().emit(Shapes.node(node), out -> out.println("Updated " + NodeText.line(node)));
        return ExitCodes.OK;
    }

    private void clear(NodePatch patch, String field) {
        switch (field.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "description" -> patch.description(null);
            case "owner" -> patch.owner(null);
            case "assignee" -> patch.assignee(null);
            case "severity" -> patch.severity(null);
            case "work-type", "worktype" -> patch.workType(null);
            case "labels", "label" -> patch.labels(List.of());
            case "started-at" -> patch.startedAt(null);
            case "completed-at" -> patch.completedAt(null);
            case "command" -> patch.command(null);
            default -> throw new ParameterException(spec.commandLine(), "--clear cannot clear '" + field
                    + "': name description, owner, assignee, severity, work-type, labels, started-at, completed-at "
                    + "or command");
        }
    }
}
