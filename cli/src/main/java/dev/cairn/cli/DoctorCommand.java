package dev.cairn.cli;

import dev.cairn.core.doctor.Doctor;
import dev.cairn.core.doctor.DoctorReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn doctor [--fix]}: what is wrong with the plan, and the safe repairs. */
@Command(name = "doctor",
        description = {"Examines the plan: orphans (nodes below Goal without a parent), Commands without a spec, "
                + "verifying a missing node or no AcceptanceCriteria, and values another tool wrote past Cairn's "
                + "rules (unknown statuses, progress out of range, links against the layer order or with a missing "
                + "end). Exits 0 when nothing is wrong, 1 when something is.",
            "--fix repairs the safe ones (progress clamped, a completed node's progress set to 100, a value spelled "
                + "otherwise rewritten), each with an event in the node's history, and reports what is left."},
        footerHeading = "%nExamples:%n", footer = {"  cairn doctor", "  cairn doctor --fix"})
final class DoctorCommand extends CliCommand {
    @Option(names = "--fix", description = "Repair what is safe to repair, then examine again.")
    boolean fix;

    @Override
    boolean createsStore() {
        return fix;
    }

    @Override
    int run() {
        DoctorReport report = fix ? Doctor.repair(cairn()) : Doctor.examine(cairn());
        output().emit(ReportShapes.doctor(report), out -> out.print(report.toText()));
        if (report.healthy()) {
            return ExitCodes.OK;
        }
        int found = report.findings().size();
        long repairable = fix ? 0 : report.repairable().size();
        String problems = "cairn: " + found + (found == 1 ? " problem" : " problems") + " found";
        environment().err().println(repairable == 0 ? problems + " that need a person's decision."
                : repairable == found ? problems + ", all repaired by 'cairn doctor --fix'."
                : problems + ", " + repairable + " repaired by 'cairn doctor --fix'; the others need a person's "
                + "decision.");
        return ExitCodes.FAILURE;
    }
}
