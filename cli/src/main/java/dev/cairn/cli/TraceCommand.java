package dev.cairn.cli;

import dev.cairn.core.doctor.Doctor;
import dev.cairn.core.doctor.DoctorReport;
import dev.cairn.core.trace.TraceReport;
import dev.cairn.core.trace.Traceability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn trace}: coverage of Requirements → AcceptanceCriteria → Commands, and ToDoWrite's trace files. */
@Command(name = "trace",
        description = {"Reports the coverage of Requirements by AcceptanceCriteria and of AcceptanceCriteria by "
                + "Commands, with the gaps and the Commands whose ac_ref names an AcceptanceCriteria other than the "
                + "one they hang below (as 'cairn doctor' finds them), and writes ToDoWrite's trace.csv and graph.json when asked. Gaps are "
                + "information: the exit code is 0 with them, unless --strict."},
        footerHeading = "%nExamples:%n",
        footer = {"  cairn trace", "  cairn trace --csv trace/trace.csv --graph-json trace/graph.json --strict",
            "  cairn trace --csv trace/trace.csv --trace-format 0.2"})
final class TraceCommand extends CliCommand {
    @Option(names = "--csv", paramLabel = "FILE", description = "Write ToDoWrite's trace.csv to FILE.")
    Path csv;

    @Option(names = "--trace-format", paramLabel = "VERSION", converter = LayoutConverter.class,
            completionCandidates = LayoutNames.class,
            description = "The trace.csv columns of this ToDoWrite release: 0.1.5 (from_id,…,valid; the default) or "
                    + "0.2 (source_id,…,depth, as ToDoWrite writes them from 0.1.6 on).")
    Traceability.CsvLayout layout = Traceability.CsvLayout.TODOWRITE_0_1_5;

    /** Reads 0.1.5 and 0.2 as the layouts; any other value is a usage error. */
    static final class LayoutConverter implements CommandLine.ITypeConverter<Traceability.CsvLayout> {
        @Override
        public Traceability.CsvLayout convert(String value) {
            return switch (value) {
                case "0.1.5" -> Traceability.CsvLayout.TODOWRITE_0_1_5;
                case "0.2" -> Traceability.CsvLayout.TODOWRITE_0_2;
                default -> throw new CommandLine.TypeConversionException("'" + value + "' is no trace.csv layout: "
                        + "give 0.1.5 or 0.2");
            };
        }
    }

    /** The names offered by help and shell completion. */
    static final class LayoutNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("0.1.5", "0.2").iterator();
        }
    }

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
                trace.writeCsv(csv, layout);
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
