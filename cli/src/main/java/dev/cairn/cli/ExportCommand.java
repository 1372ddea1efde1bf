package dev.cairn.cli;

import dev.cairn.core.NodeQuery;
import dev.cairn.core.io.ExportReport;
import dev.cairn.core.io.PlanExport;
import dev.cairn.core.io.PlanFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn export FILE} and {@code cairn export --tree DIR}: the plan written out, to be imported again. */
@Command(name = "export",
        description = {"Writes the whole plan to one file, labels, nodes, links and history, in the format its name "
                + "says (.yaml, .yml or .json), or, with --tree, as a ToDoWrite tree of one YAML file a node "
                + "(DIR/plans/<layer>/<ID>.yaml, DIR/commands/<ID>.yaml). A file appears whole or not at all.",
            "FILE '-' writes the plan to stdout, as YAML, or JSON with --format json."},
        footerHeading = "%nExamples:%n",
        footer = {"  cairn export backup.yaml", "  cairn export --tree todowrite/configs",
            "  cairn export - --format json > plan.json"})
final class ExportCommand extends CliCommand {
    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Parameters(paramLabel = "FILE", description = "The file to write (.yaml, .yml, .json), or - for stdout.")
        Path file;

        @Option(names = "--tree", paramLabel = "DIR", required = true,
                description = "Write a ToDoWrite tree into DIR instead; node files there of nodes the store no "
                        + "longer holds are removed (see --keep-stale), other files are left alone.")
        Path tree;
    }

    @Option(names = "--keep-stale", description = "With --tree: leave the node files of nodes the store no longer "
            + "holds, and list them, instead of removing them (the next import would bring them back).")
    boolean keepStale;

    @Override
    int run() {
        long total = cairn().count(NodeQuery.all());
        if (target.file != null && target.file.toString().equals("-")) {
            PlanFormat format = output().format() == OutputFormat.JSON ? PlanFormat.JSON : PlanFormat.YAML;
            try (OutputStream out = new WriterOutputStream(output().raw())) {
                PlanExport.from(cairn()).toStream(out, format);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ExitCodes.OK;
        }
        PlanFormat format = target.tree == null ? planFormat(target.file) : null;
        ExportReport report;
        try (ProgressBar progress = new ProgressBar(environment().err(), environment().interactive(), total,
                "nodes exported")) {
            PlanExport export = PlanExport.from(cairn()).progress(done -> progress.at("nodes exported", done, total));
            if (keepStale) {
                export = export.keepStale();
            }
            report = format == null ? export.toTree(target.tree) : export.toFile(target.file, format);
        }
        String where = (format == null ? target.tree : target.file).toString();
        String formatName = format == null ? "tree" : format.name().toLowerCase(Locale.ROOT);
        output().emit(ReportShapes.export(where, formatName, report), out -> {
            out.println("Exported " + report.nodes() + " nodes, " + report.links() + " links"
                    + (format == null ? "" : ", " + report.labels() + " labels, " + report.events() + " events")
                    + " to " + where + (format == null ? " (ToDoWrite tree)" : ""));
            if (report.stalePartialsRemoved() > 0) {
                out.println("Removed " + report.stalePartialsRemoved() + " temporary file(s) an interrupted export "
                        + "had left in " + where);
            }
            if (!report.staleFiles().isEmpty()) {
                out.println((report.staleFilesRemoved() ? "Removed " : "Kept ") + report.staleFiles().size()
                        + " file(s) of nodes the store no longer holds"
                        + (report.staleFilesRemoved() ? "" : " (--keep-stale)") + ": "
                        + String.join(", ", report.staleFiles()));
            }
        });
        return ExitCodes.OK;
    }

    /** The format the file's extension names; any other extension is a usage error. */
    static PlanFormat planFormat(Path file) {
        try {
            return PlanFormat.of(file);
        } catch (IllegalArgumentException unknown) {
            throw new UsageException(unknown.getMessage());
        }
    }
}
