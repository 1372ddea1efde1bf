package dev.cairn.core.trace;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Coverage of Requirements by AcceptanceCriteria and of AcceptanceCriteria by Commands, with the gaps.
 * Made by {@link Traceability#report()}. Immutable and thread-safe.
 *
 * @param requirements   every Requirements node with the AcceptanceCriteria linked below it, by id
 * @param criteria       every AcceptanceCriteria node with the Commands verifying it, by id
 * @param brokenCommands every Command whose {@code acRef} names a node that does not exist or is no
 *                       AcceptanceCriteria, by id
 */
public record TraceReport(List<Requirement> requirements, List<Criterion> criteria, List<BrokenAcRef> brokenCommands) {
    public TraceReport {
        requirements = List.copyOf(requirements);
        criteria = List.copyOf(criteria);
        brokenCommands = List.copyOf(brokenCommands);
    }

    /** How many Requirements have at least one AcceptanceCriteria. */
    public long requirementsCovered() {
        return requirements.stream().filter(Requirement::covered).count();
    }

    /** The share of Requirements with an AcceptanceCriteria, 0 to 100; 100 when there are none to cover. */
    public double requirementCoverage() {
        return percent(requirementsCovered(), requirements.size());
    }

    /** How many AcceptanceCriteria at least one Command verifies. */
    public long criteriaCovered() {
        return criteria.stream().filter(Criterion::covered).count();
    }

    /** The share of AcceptanceCriteria a Command verifies, 0 to 100; 100 when there are none to cover. */
    public double criteriaCoverage() {
        return percent(criteriaCovered(), criteria.size());
    }

    /** The ids of the Requirements without AcceptanceCriteria. */
    public List<String> requirementsWithoutCriteria() {
        return requirements.stream().filter(requirement -> !requirement.covered()).map(Requirement::id).toList();
    }

    /** The ids of the AcceptanceCriteria no Command verifies. */
    public List<String> criteriaWithoutCommands() {
        return criteria.stream().filter(criterion -> !criterion.covered()).map(Criterion::id).toList();
    }

    /** Whether every Requirement and AcceptanceCriteria is covered and every Command's acRef holds. */
    public boolean complete() {
        return requirementsCovered() == requirements.size() && criteriaCovered() == criteria.size()
                && brokenCommands.isEmpty();
    }

    /**
     * The report as text:
     *
     * <pre>
     * Requirements covered by AcceptanceCriteria: 1 of 2 (50.0%)
     * AcceptanceCriteria verified by Commands: 1 of 1 (100.0%)
     * Requirements without AcceptanceCriteria: R-EXPORT
     * </pre>
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Requirements covered by AcceptanceCriteria: %d of %d (%.1f%%)\n",
                requirementsCovered(), requirements.size(), requirementCoverage()));
        text.append(String.format(Locale.ROOT, "AcceptanceCriteria verified by Commands: %d of %d (%.1f%%)\n",
                criteriaCovered(), criteria.size(), criteriaCoverage()));
        if (!requirementsWithoutCriteria().isEmpty()) {
            text.append("Requirements without AcceptanceCriteria: ")
                    .append(String.join(", ", requirementsWithoutCriteria())).append('\n');
        }
        if (!criteriaWithoutCommands().isEmpty()) {
            text.append("AcceptanceCriteria without Commands: ").append(String.join(", ", criteriaWithoutCommands()))
                    .append('\n');
        }
        for (BrokenAcRef broken : brokenCommands) {
            text.append("Command ").append(broken.commandId()).append(" verifies ").append(broken.acRef())
                    .append(", which is no AcceptanceCriteria node\n");
        }
        return text.toString();
    }

    private static double percent(long covered, int total) {
        return total == 0 ? 100.0 : covered * 100.0 / total;
    }

    /**
     * A Requirements node and the AcceptanceCriteria linked below it. Immutable and thread-safe.
     *
     * @param acceptanceCriteria the ids of its AcceptanceCriteria children, sorted
     */
    public record Requirement(String id, String title, List<String> acceptanceCriteria) {
        public Requirement {
            Objects.requireNonNull(id, "id");
            acceptanceCriteria = List.copyOf(acceptanceCriteria);
        }

        public boolean covered() {
            return !acceptanceCriteria.isEmpty();
        }
    }

    /**
     * An AcceptanceCriteria node and the Commands verifying it. Immutable and thread-safe.
     *
     * @param commands the ids of the Commands whose {@code acRef} names it or that are linked as its children,
     *                 sorted, each once
     */
    public record Criterion(String id, String title, List<String> commands) {
        public Criterion {
            Objects.requireNonNull(id, "id");
            commands = List.copyOf(commands);
        }

        public boolean covered() {
            return !commands.isEmpty();
        }
    }

    /**
     * A Command whose {@code acRef} names no AcceptanceCriteria node. Immutable and thread-safe.
     *
     * @param acRef the id it names
     */
    public record BrokenAcRef(String commandId, String acRef) {
        public BrokenAcRef {
            Objects.requireNonNull(commandId, "commandId");
            Objects.requireNonNull(acRef, "acRef");
        }
    }
}
