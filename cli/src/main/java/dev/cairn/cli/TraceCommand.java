package dev.cairn.cli;

import dev.cairn.core.trace.TraceReport;
import dev.cairn.core.trace.Traceability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn trace}: coverage of Requirements → AcceptanceCriteria → Commands, and ToDoWrite's trace files. */
@Command(name = "trace",
        description = {"Reports the coverage of Requirements by AcceptanceCriteria and of AcceptanceCriteria by "
                + "Commands, with the gaps, and writes ToDoWrite's trace.csv and graph.json when asked. Gaps are "
                + "information: the exit code is 0 with them, unless --strict."},
        footerHeading = "%nExamples:%n",
        footer = {"  cairn trace", "  cairn trace --csv trace/trace.csv --graph-json trace/graph.json --strict"})
final class TraceCommand extends CliCommand {
    @Option(names = "--csv", paramLabel = "FILE", description = "Write ToDoWrite's trace.csv to FILE.")
    Path csv;

    @Option(names = "--graph-json", paramLabel = "FILE", description = "Write ToDoWrite's graph.json to FILE.")
    Path graphJson;

    @Option(names = "--strict", description = "Exit 1 when a Requirement or AcceptanceCriteria is not covered, or "
            + "a Command verifies no AcceptanceCriteria.")
    boolean strict;

    @Override
    int run() {
        Traceability trace = Traceability.of(cairn());
        TraceReport report = trace.report();
        try {
            if (csv != null) {
                trace.writeCsv(csv);
            }
            if (graphJson != null) {
                trace.writeGraphJson(graphJson);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the trace files: " + e.getMessage(), e);
        }
        output().emit(ReportShapes.trace(report, csv == null ? null : csv.toString(),
                graphJson == null ? null : graphJson.toString()), out -> {
                    out.print(report.toText());
                    if (csv != null) {
                        out.println("Wrote " + csv);
                    }
                    if (graphJson != null) {
                        out.println("Wrote " + graphJson);
                    }
                });
        if (strict && !report.complete()) {
            environment().err().println("cairn: The trace has gaps (--strict): "
                    + report.requirementsWithoutCriteria().size() + " Requirements without AcceptanceCriteria, "
                    + report.criteriaWithoutCommands().size() + " AcceptanceCriteria without Commands, "
                    + report.brokenCommands().size() + " Commands verifying no AcceptanceCriteria.");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }
}
