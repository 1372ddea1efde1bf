package dev.cairn.cli;

import dev.cairn.core.Cairn;
import dev.cairn.core.io.ImportProblem;
import dev.cairn.core.io.ImportReport;
import dev.cairn.core.io.PlanImport;
import dev.cairn.core.io.TreeFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn validate FILE}, {@code --tree DIR}, {@code --plans DIR --commands DIR}: the checks of an import,
 * of the files on their own, writing nothing and opening no store.
 */
@Command(name = "validate",
        description = {"Checks a plan file or a ToDoWrite tree as 'cairn import' would, on its own: no store is opened "
                + "and nothing is written. With --schema, each node file of a tree is checked against that ToDoWrite "
                + "JSON schema too. Each problem is printed on a line of its own (file:line: field: rule); any problem "
                + "exits 4."},
        footerHeading = "%nExamples:%n",
        footer = {"  cairn validate --tree todowrite/configs --schema todowrite/schemas/todowrite.schema.json",
            "  cairn validate --plans app/todos/plans --commands commands --lenient", "  cairn validate backup.yaml"})
final class ValidateCommand extends CliCommand {
    @ArgGroup(multiplicity = "1")
    ImportCommand.Source source;

    @Option(names = "--schema", paramLabel = "FILE",
            description = "The ToDoWrite JSON schema each node file of the tree must pass (todowrite.schema.json).")
    Path schema;

    @Option(names = "--lenient", description = "Check as 'import --lenient' would: what ToDoWrite took is a warning.")
    boolean lenient;

    @Override
    int run() {
        if ((lenient || schema != null) && source.file != null) {
            throw new UsageException("--lenient and --schema check a ToDoWrite tree (--tree, --plans, --commands); "
                    + "a plan file is Cairn's own format");
        }
        ImportCommand.requireInputs(source);
        TreeFolders tree = source.tree != null ? TreeFolders.of(source.tree)
                : source.folders != null ? TreeFolders.split(source.folders.plans, source.folders.commands) : null;
        String where = source.file != null ? source.file.toString() : tree.toString();
        List<String> problems = new ArrayList<>();
        int schemaChecked = -1;
        if (schema != null) {
            TodoWriteSchema checker = TodoWriteSchema.load(schema);
            problems.addAll(checker.problems(tree));
            schemaChecked = checker.checked();
        }
        ImportReport report;
        // A store of its own, empty and gone when done: the files are checked alone, whatever store is configured.
        try (Cairn empty = Cairn.open("memory:validate-" + UUID.randomUUID())) {
            PlanImport check = PlanImport.into(empty).dryRun();
            if (lenient) {
                check = check.lenient();
            }
            report = tree != null ? check.fromTree(tree) : check.fromFile(source.file,
                    ExportCommand.planFormat(source.file));
        }
        for (ImportProblem problem : report.problems()) {
            problems.add(problem.toString());
        }
        long count = problems.size() + report.problemCount() - report.problems().size();
        if (count > 0) {
            throw new FileProblemsException(where + " is not valid: " + count + (count == 1 ? " problem" : " problems")
                    + ", listed below.", problems);
        }
        long nodes = report.created();
        int checked = schemaChecked;
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("source", where);
        shape.put("valid", true);
        shape.put("nodes", nodes);
        shape.put("schemaFiles", checked >= 0 ? checked : null);
        shape.put("warnings", report.warnings().stream().map(ImportProblem::toString).toList());
        output().emit(shape,
                out -> {
                    out.println(where + " is valid: " + nodes + " nodes" + (checked >= 0 ? ", " + checked
                            + " files passing the schema " + schema.getFileName() : "") + ".");
                    for (ImportProblem warning : report.warnings()) {
                        out.println("warning: " + warning);
                    }
                });
        return ExitCodes.OK;
    }
}
