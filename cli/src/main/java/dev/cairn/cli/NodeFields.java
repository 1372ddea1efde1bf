package dev.cairn.cli;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodePatch;
import dev.cairn.core.RunSpec;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.ValidationException;
import dev.cairn.core.Violation;
import dev.cairn.core.WorkType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The options for a node's fields, shared by {@code add} and {@code update}. Not thread-safe. */
final class NodeFields {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    @Option(names = {"-d", "--description"}, paramLabel = "TEXT", description = "What the node is about.")
    String description;

    @Option(names = {"-s", "--status"}, paramLabel = "STATUS", converter = Converters.StatusConverter.class,
            completionCandidates = Converters.StatusNames.class,
            description = "planned, in_progress, completed, blocked or cancelled.")
    Status status;

    @Option(names = "--progress", paramLabel = "PERCENT", description = "The node's own progress, 0 to 100.")
    Integer progress;

    @Option(names = {"-o", "--owner"}, paramLabel = "NAME", description = "Who owns it.")
    String owner;

    @Option(names = {"-a", "--assignee"}, paramLabel = "NAME", description = "Who works on it.")
    String assignee;

    @Option(names = "--severity", paramLabel = "SEVERITY", converter = Converters.SeverityConverter.class,
            completionCandidates = Converters.SeverityNames.class, description = "low, medium, high or critical.")
    Severity severity;

    @Option(names = "--work-type", paramLabel = "TYPE", converter = Converters.WorkTypeConverter.class,
            completionCandidates = Converters.WorkTypeNames.class,
            description = "architecture, spec, interface, validation, implementation, docs, ops, refactor, chore "
                    + "or test.")
    WorkType workType;

    @Option(names = {"-l", "--label"}, paramLabel = "LABEL", split = ",",
            description = "A label; repeat it or separate labels with commas.")
    List<String> labels;

    @Option(names = "--field", paramLabel = "KEY=VALUE",
            description = "A custom field. VALUE is read as JSON when it is a number, true, false, null, [...] or "
                    + "{...}, else as text; KEY= with nothing removes the field.")
    Map<String, String> customFields;

    @Option(names = "--started-at", paramLabel = "DATE", converter = Converters.InstantConverter.class,
            description = "When work started (2025-03-01 or 2025-03-01T09:30:00Z); else entering in_progress "
                    + "stamps it.")
    Instant startedAt;

    @Option(names = "--completed-at", paramLabel = "DATE", converter = Converters.InstantConverter.class,
            description = "When it was completed; else completing stamps it.")
    Instant completedAt;

    @Option(names = "--ac-ref", paramLabel = "AC-ID",
            description = "Command nodes: the AcceptanceCriteria node the command verifies.")
    String acRef;

    @Option(names = "--run", paramLabel = "SHELL", description = "Command nodes: the shell line to run.")
    String run;

    @Option(names = "--workdir", paramLabel = "DIR", description = "Command nodes: the folder to run in.")
    String workdir;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Command nodes: an environment variable.")
    Map<String, String> env;

    @Option(names = "--artifact", paramLabel = "PATH", description = "Command nodes: a file the run produces.")
    List<String> artifacts;

    boolean namesCommand() {
        return acRef != null || run != null || workdir != null || env != null || artifacts != null;
    }

    void applyTo(NodeDraft draft) {
        draft.description(description);
        if (status != null) {
            draft.status(status);
        }
        if (progress != null) {
            draft.progress(percent(progress, "--progress"));
        }
        draft.owner(owner).assignee(assignee).severity(severity).workType(workType)
                .startedAt(startedAt).completedAt(completedAt);
        if (labels != null) {
            draft.labels(labels);
        }
        if (customFields != null) {
            customFields.forEach((key, value) -> draft.customField(key, customValue(value)));
        }
        if (namesCommand()) {
            draft.command(command(null));
        }
    }

    /** Sets on {@code patch} what the options name; {@code current} gives the command spec to amend. */
    void applyTo(NodePatch patch, Node current) {
        if (description != null) {
            patch.description(description);
        }
        if (status != null) {
            patch.status(status);
        }
        if (progress != null) {
            patch.progress(percent(progress, "--progress"));
        }
        if (owner != null) {
            patch.owner(owner);
        }
        if (assignee != null) {
            patch.assignee(assignee);
        }
        if (severity != null) {
            patch.severity(severity);
        }
        if (workType != null) {
            patch.workType(workType);
        }
        if (labels != null) {
            patch.labels(labels.stream().filter(label -> !label.isEmpty()).toList());
        }
        if (startedAt != null) {
            patch.startedAt(startedAt);
        }
        if (completedAt != null) {
            patch.completedAt(completedAt);
        }
        if (customFields != null) {
            customFields.forEach((key, value) -> patch.customField(key, value.isEmpty() ? null : customValue(value)));
        }
        if (namesCommand()) {
            patch.command(command(current.command()));
        }
    }

    /** The command spec the options describe, over {@code base} when the node has one already. */
    private CommandSpec command(CommandSpec base) {
        RunSpec baseRun = base == null ? null : base.run();
        String shell = run != null ? run : baseRun == null ? null : baseRun.shell();
        String folder = workdir != null ? emptyToNull(workdir) : baseRun == null ? null : baseRun.workdir();
        Map<String, String> variables = new LinkedHashMap<>(baseRun == null ? Map.of() : baseRun.env());
        if (env != null) {
            env.forEach((name, value) -> {
                if (value.isEmpty()) {
                    variables.remove(name);
                } else {
                    variables.put(name, value);
                }
            });
        }
        List<String> paths = artifacts != null ? new ArrayList<>(artifacts)
                : base == null ? List.of() : base.artifacts();
        String reference = acRef != null ? acRef : base == null ? null : base.acRef();
        if (reference == null || shell == null) {
            throw new ValidationException(Violation.of("command", null,
                    "needs both --ac-ref AC-ID and --run SHELL"));
        }
        return new CommandSpec(reference, new RunSpec(shell, folder, variables), paths);
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /** A custom field's value: JSON when it reads as a JSON value other than a bare word, else the text. */
    static Object customValue(String text) {
        String trimmed = text.trim();
        switch (trimmed) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                break;
        }
        if (NUMBER.matcher(trimmed).matches()) {
            try {
                return trimmed.contains(".") || trimmed.contains("e") || trimmed.contains("E")
                        ? (Object) Double.valueOf(trimmed) : (Object) Long.valueOf(trimmed);
            } catch (NumberFormatException tooLong) {
                return text;
            }
        }
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            return JsonText.parse(trimmed).orElse(text);
        }
        return text;
    }

    /** A percentage as given, refused as a malformed value (exit 2) unless 0 to 100. */
    static int percent(int value, String name) {
        if (value < 0 || value > 100) {
            throw new UsageException(name + " must be 0 to 100, not " + value);
        }
        return value;
    }
}
