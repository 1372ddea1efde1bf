package dev.cairn.cli;

import dev.cairn.core.doctor.Doctor;
import dev.cairn.core.doctor.DoctorReport;
import dev.cairn.core.trace.TraceReport;
import dev.cairn.core.trace.Traceability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn trace}: coverage of Requirements → AcceptanceCriteria → Commands, and ToDoWrite's trace files. */
@Command(name = "trace",
        description = {"Reports the coverage of Requirements by AcceptanceCriteria and of AcceptanceCriteria by "
                + "Commands, with the gaps and the Commands whose ac_ref names an AcceptanceCriteria other than the "
                + "one they hang below (as 'cairn doctor' finds them), and writes ToDoWrite's trace.csv and graph.json when asked. Gaps are "
                + "information: the exit code is 0 with them, unless --strict."},
        footerHeading = "%nExamples:%n",
        footer = {"  cairn trace", "  cairn trace --csv trace/trace.csv --graph-json trace/graph.json --strict"})
final class TraceCommand extends CliCommand {
    @Option(names = "--csv", paramLabel = "FILE", description = "Write ToDoWrite's trace.csv to FILE.")
    Path csv;

    @Option(names = "--graph-json", paramLabel = "FILE", description = "Write ToDoWrite's graph.json to FILE.")
    Path graphJson;

    @Option(names = "--strict", description = "Exit 1 when a Requirement or AcceptanceCriteria is not covered, or "
            + "a Command verifies no AcceptanceCriteria or one it does not hang below.")
    boolean strict;

    @Override
    int run() {
        Traceability trace = Traceability.of(cairn());
        TraceReport report = trace.report();
        // The doctor's own finding, so that trace and doctor never disagree on which Commands are misplaced.
        List<DoctorReport.Finding> misplaced = Doctor.examine(cairn())
                .findings(DoctorReport.Kind.COMMAND_AC_NOT_ITS_PARENT);
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
        Map<String, Object> shape = new LinkedHashMap<>(ReportShapes.trace(report, csv == null ? null
                : csv.toString(), graphJson == null ? null : graphJson.toString()));
        shape.put("misplacedCommands", misplaced.stream().map(finding -> Map.of("commandId", finding.nodeId(),
                "detail", finding.detail())).toList());
        output().emit(shape, out -> {
                    out.print(report.toText());
                    for (DoctorReport.Finding finding : misplaced) {
                        out.println("Command verifying an AcceptanceCriteria it does not hang below: "
                                + finding.detail());
                    }
                    if (csv != null) {
                        out.println("Wrote " + csv);
                    }
                    if (graphJson != null) {
                        out.println("Wrote " + graphJson);
                    }
                });
        if (strict && (!report.complete() || !misplaced.isEmpty())) {
            environment().err().println("cairn: The trace has gaps (--strict): "
                    + report.requirementsWithoutCriteria().size() + " Requirements without AcceptanceCriteria, "
                    + report.criteriaWithoutCommands().size() + " AcceptanceCriteria without Commands, "
                    + report.brokenCommands().size() + " Commands verifying no AcceptanceCriteria, " + misplaced.size()
                    + " Commands verifying an AcceptanceCriteria they do not hang below.");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }
}
