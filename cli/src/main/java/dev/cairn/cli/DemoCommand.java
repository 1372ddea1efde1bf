package dev.cairn.cli;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.DeleteMode;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.PlanTree;
import dev.cairn.core.StatusCount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code cairn demo}: builds a sample plan afresh and shows it. It writes to {@value #FILE} in the working folder
 * unless {@code --url} names another store; it never reads {@code CAIRN_URL} or {@code cairn.yaml}, so that it
 * cannot touch a real plan by accident.
 */
@Command(name = "demo",
        description = {"Builds a sample plan in a new SQLite file, " + DemoCommand.FILE + " in this folder (the file is "
                + "made anew each time), and shows it as a tree with rolled-up progress and a summary. With --url it "
                + "writes to that store instead, which must be empty or hold only the demo plan."},
        footerHeading = "%nExamples:%n",
        footer = {"  cairn demo", "  cairn demo --url memory:", "  cairn --url sqlite:cairn-demo.db list"})
final class DemoCommand extends CliCommand {
    static final String FILE = "cairn-demo.db";
    /** Set by the {@code ./cairn} script of the repository to the name it was run by. */
    static final String COMMAND_VARIABLE = "CAIRN_COMMAND";

    @Override
    int run() {
        String note;
        CairnConfig config;
        if (root().url == null) {
            Path file = environment().workingDir().resolve(FILE);
            boolean existed = deleteDatabase(file);
            config = CairnConfig.of("sqlite:" + shown(file));
            note = (existed ? "Recreated the demo plan in " : "Created the demo plan in ") + config.maskedUrl()
                    + (existed ? " (the file an earlier run made was deleted)." : ".");
        } else {
            config = root().located().config();
            note = "Created the demo plan in " + config.maskedUrl() + ".";
        }
        try (Cairn cairn = Cairn.open(config)) {
            if (clearEarlierDemo(cairn, config)) {
                note = "Recreated the demo plan in " + config.maskedUrl() + " (the one an earlier run made was deleted).";
            }
            cairn.useTransaction(DemoPlan::build);
            List<PlanTree> forest = cairn.forest();
            List<StatusCount> counts = cairn.countByLayerAndStatus();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("url", config.maskedUrl());
            data.put("tree", Shapes.trees(forest));
            data.put("summary", Shapes.summary(counts));
            String message = note;
            String cairnCommand = commandName(environment().variables());
            output().emit(data, out -> {
                out.println(message);
                out.println();
                out.println("A plan has twelve layers, from why to how: Goal, Concept, Context, Constraints, Requirements,");
                out.println("AcceptanceCriteria and InterfaceContract say what is wanted; Phase, Step, Task and SubTask the work.");
                out.println("A Command node, the twelfth, runs a shell command that checks an AcceptanceCriteria node.");
                out.println();
                out.print(TreeText.render(forest));
                out.println();
                SummaryCommand.print(out, counts);
                out.println();
                out.println("Look around: " + cairnCommand + " --url " + config.maskedUrl() + " show TSK-WRITER   (or "
                        + "list, search yaml, history TSK-PARSER, summary)");
                out.println("Run the Command: " + cairnCommand + " --url " + config.maskedUrl()
                        + " run CMD-FIXTURES --dry-run");
            });
        }
        return ExitCodes.OK;
    }

    /**
     * How the user runs cairn, for the hints: {@code ./cairn} from the repository (its script says so in
     * {@value #COMMAND_VARIABLE}), else {@code cairn}.
     */
    static String commandName(Map<String, String> variables) {
        String name = variables.get(COMMAND_VARIABLE);
        return name == null || name.isBlank() || !name.matches("[\\w./~-]+") ? "cairn" : name;
    }

    /** Removes an earlier demo plan from a store named by --url; refuses a store holding anything else. */
    private static boolean clearEarlierDemo(Cairn cairn, CairnConfig config) {
        List<Node> nodes = cairn.find(NodeQuery.all().limit(DemoPlan.IDS.size() + 1));
        if (nodes.isEmpty()) {
            return false;
        }
        boolean onlyDemo = nodes.size() <= DemoPlan.IDS.size()
                && nodes.stream().allMatch(node -> DemoPlan.IDS.contains(node.id()));
        if (!onlyDemo) {
            throw new ConflictException("The store " + config.maskedUrl() + " holds a plan of its own; the demo "
                    + "writes only to an empty store or one holding the demo plan. Run 'cairn demo' without --url to "
                    + "use " + FILE + ".");
        }
        for (String id : DemoPlan.IDS) {
            if (cairn.findById(id).isPresent()) {
                cairn.delete(id, DeleteMode.DETACH);
            }
        }
        return true;
    }

    /** Deletes a SQLite file with its journal files; whether there was one. */
    private static boolean deleteDatabase(Path file) {
        try {
            boolean existed = Files.deleteIfExists(file);
            for (String suffix : List.of("-wal", "-shm", "-journal")) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
            return existed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the earlier demo file " + file, e);
        }
    }

    /** The file as the user sees it: relative to the folder they are in, when it is there. */
    private static String shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
    }
}
