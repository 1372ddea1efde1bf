package dev.cairn.cli;

import dev.cairn.core.io.ImportException;
import dev.cairn.core.io.ImportMode;
import dev.cairn.core.io.ImportProblem;
import dev.cairn.core.io.ImportReport;
import dev.cairn.core.io.PlanImport;
import dev.cairn.core.io.PlanFormat;
import dev.cairn.core.io.TreeFolders;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn import FILE}, {@code cairn import --tree DIR} and {@code cairn import --plans DIR --commands DIR}:
 * checked whole, then written whole, or not at all.
 */
@Command(name = "import",
        description = {"Reads a plan in: one file as 'cairn export' writes it (.yaml, .yml, .json, history "
                + "included), or, with --tree, a ToDoWrite tree (the folder holding plans/ and commands/), or with "
                + "--plans and --commands (either alone) the two folders of a plan kept apart. Everything "
                + "is checked first; any problem refuses the whole import, each problem printed on a line of its own "
                + "(file:line: field = 'value': rule), and nothing is written (exit 4).",
            "--mode says what to do with a node the store holds already: fail (the default), skip it, or update it "
                + "to the file's fields (a node whose file changed nothing is left alone, with no event; from a tree, "
                + "its links become the files' links, each removed one recorded as unlinked). --dry-run checks and says what would change, writing nothing."},
        footerHeading = "%nExamples:%n",
        footer = {"  cairn import backup.yaml", "  cairn import --tree todowrite/configs --mode skip --dry-run",
            "  cairn import --plans app/todos/plans --commands commands"})
final class ImportCommand extends CliCommand {
    /** How many ids of each kind the text of a dry run lists; --format json lists up to a thousand. */
    static final int LISTED = 20;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "FILE", description = "The plan file (.yaml, .yml, .json).")
        Path file;

        @Option(names = "--tree", paramLabel = "DIR", required = true,
                description = "A ToDoWrite tree: DIR holds plans/ and commands/.")
        Path tree;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Folders folders;
    }

    /** The folders of a plan kept apart; either may be given alone. */
    static final class Folders {
        @Option(names = "--plans", paramLabel = "DIR",
                description = "The plans folder of a ToDoWrite plan kept apart (it holds goals/, tasks/, …).")
        Path plans;

        @Option(names = "--commands", paramLabel = "DIR",
                description = "The commands folder of a ToDoWrite plan kept apart (it holds the CMD-*.yaml files).")
        Path commands;
    }

    @Option(names = "--mode", paramLabel = "MODE", completionCandidates = ModeNames.class,
            description = "What to do with a node the store holds already: fail, skip or update (default: fail).")
    ImportMode mode = ImportMode.FAIL;

    @Option(names = "--dry-run", description = "Check and report what would change; write nothing.")
    boolean dryRun;

    @Option(names = "--schema", paramLabel = "FILE", description = "Check each node file of the tree against this "
            + "ToDoWrite JSON schema (the project's todowrite.schema.json) first; any violation refuses the import, "
            + "each printed as file:line: field: rule (exit 4).")
    Path schema;

    @Option(names = "--lenient", description = "Take a tree as ToDoWrite took it: links naming no node or going "
            + "against the layer order, ids without their layer's prefix, files not named by their id. The nodes are "
            + "imported; what Cairn cannot store is kept with the node, warned about with its file and line, shown by "
            + "'cairn doctor', and written back by 'export --tree'.")
    boolean lenient;

    /** The names offered by help and shell completion. */
    static final class ModeNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("fail", "skip", "update").iterator();
        }
    }

    @Override
    boolean createsStore() {
        return !dryRun;
    }

    @Override
    int run() {
        if (lenient && source.file != null) {
            throw new UsageException("--lenient reads a ToDoWrite tree (--tree, --plans, --commands); a plan file "
                    + "is read as it was written");
        }
        if (schema != null && source.file != null) {
            throw new UsageException("--schema checks the node files of a ToDoWrite tree (--tree, --plans, --commands); "
                    + "a plan file is Cairn's own format");
        }
        requireInputs(source);
        PlanFormat format = source.file == null ? null : ExportCommand.planFormat(source.file);
        TreeFolders tree = source.tree != null ? TreeFolders.of(source.tree)
                : source.folders != null ? TreeFolders.split(source.folders.plans, source.folders.commands) : null;
        String where = source.file != null ? source.file.toString() : tree.toString();
        if (schema != null) {
            checkSchema(TodoWriteSchema.load(schema), tree, "Import refused, nothing written");
        }
        ImportReport report;
        try (ProgressBar progress = new ProgressBar(environment().err(), environment().interactive(), -1,
                "nodes read")) {
            PlanImport planImport = PlanImport.into(cairn()).mode(mode).progress(done -> progress.at("nodes read",
                    done, -1));
            if (dryRun) {
                planImport = planImport.dryRun();
            }
            if (lenient) {
                planImport = planImport.lenient();
            }
            report = format == null ? planImport.fromTree(tree) : planImport.fromFile(source.file, format);
        }
        ImportReport done = report;
        output().emit(ReportShapes.importReport(where, report), out -> print(out, where, done));
        if (!report.ok()) {
            // A dry run reports its problems instead of throwing; they are the command's failure all the same.
            throw new ImportException(report);
        }
        return ExitCodes.OK;
    }

    /** A file or folder to read that is not there is not found (exit 3), before any store is opened. */
    static void requireInputs(Source source) {
        if (source.file != null && !Files.isRegularFile(source.file)) {
            throw new NotFoundException("no file " + source.file);
        }
        if (source.tree != null) {
            requireFolder(source.tree);
        }
        if (source.folders != null) {
            requireFolder(source.folders.plans);
            requireFolder(source.folders.commands);
        }
    }

    private static void requireFolder(Path folder) {
        if (folder != null && !Files.isDirectory(folder)) {
            throw new NotFoundException("no " + (Files.exists(folder) ? "folder " : "file ") + folder);
        }
    }

    /** Refuses with every violation of {@code schema} in the tree's node files, {@code refusal} first. */
    static void checkSchema(TodoWriteSchema schema, TreeFolders tree, String refusal) {
        List<String> problems = schema.problems(tree);
        if (!problems.isEmpty()) {
            throw new FileProblemsException(refusal + ": " + problems.size() + (problems.size() == 1 ? " file "
                    + "problem" : " file problems") + " against the schema, listed below.", problems);
        }
    }

    private static void print(PrintWriter out, String where, ImportReport report) {
        if (report.dryRun()) {
            out.println("Dry run of " + where + ", nothing written: would create " + report.created() + ", update "
                    + report.updated() + ", skip " + report.skipped() + " nodes; add " + report.linksAdded()
                    + " links, " + (report.linksRemoved() > 0 ? "remove " + report.linksRemoved() + " links, " : "")
                    + "record " + report.events() + " events.");
            ids(out, "create", report.createdIds(), report.created());
            ids(out, "update", report.updatedIds(), report.updated());
            ids(out, "skip", report.skippedIds(), report.skipped());
        } else {
            out.println("Imported " + where + ": created " + report.created() + ", updated " + report.updated()
                    + ", skipped " + report.skipped() + " nodes; added " + report.linksAdded() + " links, "
                    + (report.linksRemoved() > 0 ? "removed " + report.linksRemoved() + " links, " : "") + "recorded "
                    + report.events() + " events.");
        }
        for (ImportProblem warning : report.warnings()) {
            out.println("warning: " + warning);
        }
    }

    private static void ids(PrintWriter out, String what, List<String> ids, long count) {
        if (count == 0) {
            return;
        }
        List<String> shown = ids.subList(0, Math.min(LISTED, ids.size()));
        out.println("  " + what + ": " + String.join(", ", shown) + (count > shown.size() ? ", … and "
                + (count - shown.size()) + " more" : ""));
    }
}
