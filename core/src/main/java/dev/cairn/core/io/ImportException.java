package dev.cairn.core.io;

import dev.cairn.core.CairnException;
import java.util.List;
import java.util.stream.Collectors;

/** An import found problems in what it was given and wrote nothing. Lists every problem found. */
public class ImportException extends CairnException {
    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 20;

    private final transient ImportReport report;

    /**
     * An exception for an import whose check found problems.
     *
     * @param report the report of the check, with the problems found
     */
    public ImportException(ImportReport report) {
        super(describe(report));
        this.report = report;
    }

    /** {@return the report of the check, its problems included; nothing of it was written} */
    public ImportReport report() {
        return report;
    }

    /** {@return every problem found, in the order found} */
    public List<ImportProblem> problems() {
        return report.problems();
    }

    private static String describe(ImportReport report) {
        List<ImportProblem> problems = report.problems();
        String shown = problems.stream().limit(SHOWN).map(ImportProblem::toString)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
        long more = report.problemCount() - Math.min(SHOWN, problems.size());
        return "Import refused, nothing written: " + report.problemCount()
                + (report.problemCount() == 1 ? " problem" : " problems") + shown
                + (more > 0 ? "\n  … and " + more + " more" : "");
    }
}
