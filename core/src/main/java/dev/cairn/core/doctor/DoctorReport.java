package dev.cairn.core.doctor;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@link Doctor} found in a plan, and what it repaired. Immutable and thread-safe.
 *
 * @param findings what is wrong, by kind then node id; after a repair, what is still wrong
 * @param repairs  what a repair changed, in the order it changed it; empty after an examination
 */
public record DoctorReport(List<Finding> findings, List<Repair> repairs) {
    /**
     * Creates a {@code DoctorReport}, copying its components.
     *
     * @param findings what is wrong, by kind then node id; after a repair, what is still wrong
     * @param repairs  what a repair changed, in the order it changed it; empty after an examination
     */
    public DoctorReport {
        findings = List.copyOf(findings);
        repairs = List.copyOf(repairs);
    }

    /** {@return whether nothing is wrong} */
    public boolean healthy() {
        return findings.isEmpty();
    }

    /**
     * The findings of one kind.
     *
     * @param kind a kind of problem
     * @return the findings of that kind, by node id
     */
    public List<Finding> findings(Kind kind) {
        Objects.requireNonNull(kind, "kind");
        return findings.stream().filter(finding -> finding.kind() == kind).toList();
    }

    /** {@return the findings {@link Doctor#repair} would repair} */
    public List<Finding> repairable() {
        return findings.stream().filter(Finding::repairable).toList();
    }

    /** {@return the report as text, one line a finding or a repair, for a terminal or a log} */
    public String toText() {
        StringBuilder text = new StringBuilder();
        for (Repair repair : repairs) {
            text.append("repaired  ").append(repair.nodeId()).append(' ').append(repair.field()).append(": '")
                    .append(repair.from()).append("' → '").append(repair.to()).append("'\n");
        }
        for (Finding finding : findings) {
            text.append(finding.repairable() ? "repairable" : "found     ").append("  ")
                    .append(finding.kind().name().toLowerCase(Locale.ROOT)).append("  ")
                    .append(finding.nodeId() == null ? "-" : finding.nodeId()).append("  ")
                    .append(finding.detail()).append('\n');
        }
        if (findings.isEmpty()) {
            text.append("No problems found.\n");
        }
        return text.toString();
    }

    /** What kind of problem a {@link Finding} is. */
    public enum Kind {
        /** A node below Goal without a parent. */
        ORPHAN,
        /** A Command node without a command spec: nothing says what it verifies or how it runs. */
        COMMAND_WITHOUT_SPEC,
        /** A Command whose {@code acRef} names a node that does not exist. */
        COMMAND_AC_MISSING,
        /** A Command whose {@code acRef} names a node of another layer than AcceptanceCriteria. */
        COMMAND_AC_NOT_ACCEPTANCE_CRITERIA,
        /** A Command with no AcceptanceCriteria node among its parents or their ancestors. */
        COMMAND_NOT_BELOW_ACCEPTANCE_CRITERIA,
        /** A Command whose {@code acRef} names another AcceptanceCriteria than the ones it hangs below. */
        COMMAND_AC_NOT_ITS_PARENT,
        /** A layer, status, severity or work type stored that is none of the known names. */
        UNKNOWN_VALUE,
        /** A progress stored below 0 or above 100. */
        PROGRESS_OUT_OF_RANGE,
        /** A completed node whose stored progress is not 100. */
        COMPLETED_NOT_100,
        /** A link whose parent's layer does not come before its child's: what lets a cycle in. */
        LINK_AGAINST_LAYER_ORDER,
        /** A link whose parent or child does not exist. */
        LINK_END_MISSING,
        /**
         * A link a node's file named that Cairn does not store (it names no node, goes against the layer order,
         * or names what is no node id), kept with the node by a lenient tree import, in its
         * {@code todowrite.unresolved_links} custom field, for a tree export to write back.
         */
        UNRESOLVED_LINK,
        /** A repair the store refused, such as a row whose other values break its constraints. */
        REPAIR_FAILED,
        /** A check that could not run, because rows it must read cannot be read; repair or fix them first. */
        NOT_CHECKED
    }

    /**
     * One problem. Immutable and thread-safe.
     *
     * @param kind       what kind of problem
     * @param nodeId     the node it concerns (for a link, its child), or {@code null} when none does
     * @param detail     what was found and what to do about it
     * @param repairable whether {@link Doctor#repair} repairs it; the others need a person's decision
     */
    public record Finding(Kind kind, String nodeId, String detail, boolean repairable) {
        /**
         * Creates a {@code Finding}, checking its components.
         *
         * @param kind       what kind of problem
         * @param nodeId     the node it concerns (for a link, its child), or {@code null} when none does
         * @param detail     what was found and what to do about it
         * @param repairable whether {@link Doctor#repair} repairs it; the others need a person's decision
         */
        public Finding {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * One value a repair changed, with the event it appended to the node's history. Immutable and thread-safe.
     *
     * @param nodeId the node
     * @param field  the field by Cairn's name, such as {@code status} or {@code progress}
     * @param from   the value stored before, as text
     * @param to     the value stored now, as text
     */
    public record Repair(String nodeId, String field, String from, String to) {
        /**
         * Creates a {@code Repair}, checking its components.
         *
         * @param nodeId the node
         * @param field  the field by Cairn's name, such as {@code status} or {@code progress}
         * @param from   the value stored before, as text
         * @param to     the value stored now, as text
         */
        public Repair {
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }
}
