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
    /**
     * Creates a {@code TraceReport}, checking and copying its components.
     *
     * @param requirements   every Requirements node with the AcceptanceCriteria linked below it, by id
     * @param criteria       every AcceptanceCriteria node with the Commands verifying it, by id
     * @param brokenCommands every Command whose {@code acRef} names a node that does not exist or is no
     *                       AcceptanceCriteria, by id
     */
    public TraceReport {
        requirements = List.copyOf(requirements);
        criteria = List.copyOf(criteria);
        brokenCommands = List.copyOf(brokenCommands);
    }

    /** {@return how many Requirements have at least one AcceptanceCriteria} */
    public long requirementsCovered() {
        return requirements.stream().filter(Requirement::covered).count();
    }

    /** {@return the share of Requirements with an AcceptanceCriteria, 0 to 100; 100 when there are none to cover} */
    public double requirementCoverage() {
        return percent(requirementsCovered(), requirements.size());
    }

    /** {@return how many AcceptanceCriteria at least one Command verifies} */
    public long criteriaCovered() {
        return criteria.stream().filter(Criterion::covered).count();
    }

    /** {@return the share of AcceptanceCriteria a Command verifies, 0 to 100; 100 when there are none to cover} */
    public double criteriaCoverage() {
        return percent(criteriaCovered(), criteria.size());
    }

    /** {@return the ids of the Requirements without AcceptanceCriteria} */
    public List<String> requirementsWithoutCriteria() {
        return requirements.stream().filter(requirement -> !requirement.covered()).map(Requirement::id).toList();
    }

    /** {@return the ids of the AcceptanceCriteria no Command verifies} */
    public List<String> criteriaWithoutCommands() {
        return criteria.stream().filter(criterion -> !criterion.covered()).map(Criterion::id).toList();
    }

    /** {@return whether every Requirement and AcceptanceCriteria is covered and every Command's acRef holds} */
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
     *
     * @return the report in a few lines for a person to read
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
     * @param id                 the Requirements node's id
     * @param title              its title
     * @param acceptanceCriteria the ids of its AcceptanceCriteria children, sorted
     */
    public record Requirement(String id, String title, List<String> acceptanceCriteria) {
        /**
         * Creates a {@code Requirement}, checking and copying its components.
         *
         * @param id                 the Requirements node's id
         * @param title              its title
         * @param acceptanceCriteria the ids of its AcceptanceCriteria children, sorted
         */
        public Requirement {
            Objects.requireNonNull(id, "id");
            acceptanceCriteria = List.copyOf(acceptanceCriteria);
        }

        /** {@return whether the Requirements node has at least one AcceptanceCriteria} */
        public boolean covered() {
            return !acceptanceCriteria.isEmpty();
        }
    }

    /**
     * An AcceptanceCriteria node and the Commands verifying it. Immutable and thread-safe.
     *
     * @param id       the AcceptanceCriteria node's id
     * @param title    its title
     * @param commands the ids of the Commands whose {@code acRef} names it or that are linked as its children,
     *                 sorted, each once
     */
    public record Criterion(String id, String title, List<String> commands) {
        /**
         * Creates a {@code Criterion}, checking and copying its components.
         *
         * @param id       the AcceptanceCriteria node's id
         * @param title    its title
         * @param commands the ids of the Commands whose {@code acRef} names it or that are linked as its children,
         *                 sorted, each once
         */
        public Criterion {
            Objects.requireNonNull(id, "id");
            commands = List.copyOf(commands);
        }

        /** {@return whether the AcceptanceCriteria node has at least one Command verifying it} */
        public boolean covered() {
            return !commands.isEmpty();
        }
    }

    /**
     * A Command whose {@code acRef} names no AcceptanceCriteria node. Immutable and thread-safe.
     *
     * @param commandId the Command node's id
     * @param acRef     the id it names
     */
    public record BrokenAcRef(String commandId, String acRef) {
        /**
         * Creates a {@code BrokenAcRef}, checking its components.
         *
         * @param commandId the Command node's id
         * @param acRef     the id it names
         */
        public BrokenAcRef {
            Objects.requireNonNull(commandId, "commandId");
            Objects.requireNonNull(acRef, "acRef");
        }
    }
}
