package dev.cairn.cli;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.io.PlanExport;
import dev.cairn.core.trace.Traceability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn generate-commands}: a Command stub for each AcceptanceCriteria without a Command, named as
 * ToDoWrite's own {@code generate-commands} names them ({@code AC-LOGIN-WORKS} gets {@code CMD-LOGIN-WORKS}), its
 * {@code ac_ref} set and a shell line that fails until it is filled in.
 */
@Command(name = "generate-commands",
        description = {"Adds a Command to each AcceptanceCriteria of the store that has none, as ToDoWrite's "
                + "generate-commands does: AC-NAME gets CMD-NAME (an id without the AC- prefix gets CMD- before it), "
                + "under its criteria, with ac_ref set and the shell line \"echo 'TODO: verify AC-NAME' && exit 1\", "
                + "which fails until it is replaced. All are added in one transaction.",
            "With --tree, the tree is written back as 'export --tree --keep-stale' writes it: the new Command files, "
                + "and the criteria's files listing them as children. With --commands, only the new Command files "
                + "are written, into that folder. --dry-run lists what would be added, writing nothing."},
        footerHeading = "%nExamples:%n",
        footer = {"  cairn generate-commands --dry-run", "  cairn generate-commands --tree todowrite/configs",
            "  cairn generate-commands --commands commands"})
final class GenerateCommandsCommand extends CliCommand {
    @ArgGroup
    Folders target;

    static final class Folders {
        @Option(names = "--tree", paramLabel = "DIR", required = true,
                description = "Write the new Commands into this ToDoWrite tree (the folder holding plans/ and commands/).")
        Path tree;

        @Option(names = "--commands", paramLabel = "DIR", required = true,
                description = "Write the new Command files, and only those, into this commands folder.")
        Path commands;
    }

    @Option(names = "--dry-run", description = "List the Commands that would be added; write nothing.")
    boolean dryRun;

    @Override
    boolean createsStore() {
        return false;
    }

    @Override
    int run() {
        Path folder = target == null ? null : target.tree != null ? target.tree : target.commands;
        if (folder != null && !Files.isDirectory(folder)) {
            throw new NotFoundException("no file " + folder);
        }
        List<NodeDraft> stubs = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (String criterion : Traceability.of(cairn()).report().criteriaWithoutCommands()) {
            Node ac = cairn().get(criterion);
            String id = commandId(criterion);
            if (cairn().findById(id).isPresent()) {
                taken.add(id);
                continue;
            }
            NodeDraft stub = NodeDraft.of(Layer.COMMAND, "Execute validation for " + ac.title()).id(id)
                    .description("Verifies " + criterion + ": " + ac.title()).parents(criterion).labels("generated")
                    .command(CommandSpec.of(criterion, "echo 'TODO: verify " + criterion + "' && exit 1"));
            if (ac.owner() != null) {
                stub.owner(ac.owner());
            }
            if (ac.severity() != null) {
                stub.severity(ac.severity());
            }
            stubs.add(stub);
        }
        List<String> ids = stubs.stream().map(NodeDraft::id).toList();
        if (!dryRun && !stubs.isEmpty()) {
            cairn().useTransaction(graph -> stubs.forEach(graph::create));
            if (target != null && target.tree != null) {
                PlanExport.from(cairn()).keepStale().toTree(target.tree);
            } else if (target != null) {
                writeCommandFiles(target.commands, ids);
            }
        }
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("dryRun", dryRun);
        shape.put("created", ids);
        shape.put("idTaken", taken);
        shape.put("folder", folder == null ? null : folder.toString());
        output().emit(shape, out -> {
            out.println((dryRun ? "Dry run, nothing written: would add " : "Added ") + ids.size() + " Command stub(s)"
                    + (ids.isEmpty() ? "" : ": " + String.join(", ", ids)) + (folder == null || dryRun || ids.isEmpty()
                    ? "" : "; written to " + folder) + ".");
            if (!taken.isEmpty()) {
                out.println("Not added, as another node holds the id: " + String.join(", ", taken));
            }
        });
        return ExitCodes.OK;
    }

    /** ToDoWrite's naming: {@code AC-} becomes {@code CMD-}; an id without it gets {@code CMD-} in front. */
    static String commandId(String criterion) {
        return criterion.startsWith("AC-") ? "CMD-" + criterion.substring(3) : "CMD-" + criterion;
    }

    /** Exports into a folder of its own, then moves the new Commands' files into {@code commands}. */
    private void writeCommandFiles(Path commands, List<String> ids) {
        try {
            Path scratch = Files.createTempDirectory("cairn-generate-commands");
            try {
                PlanExport.from(cairn()).toTree(scratch);
                for (String id : ids) {
                    Path written = scratch.resolve("commands").resolve(id + ".yaml");
                    Files.copy(written, commands.resolve(id + ".yaml"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                try (Stream<Path> walk = Files.walk(scratch)) {
                    for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Command files into " + commands + ": " + e.getMessage(), e);
        }
    }
}
