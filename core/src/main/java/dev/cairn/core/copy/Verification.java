package dev.cairn.core.copy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link StoreCopy#verify} found comparing two stores: how many of each kind each holds, and every node
 * whose {@link NodeDigest} differs, the first {@value #LISTED} of them listed with the fields that differ.
 * Immutable and thread-safe.
 *
 * @param source           the source's URL, password masked
 * @param target           the target's URL, password masked
 * @param sourceCounts     what the source holds
 * @param targetCounts     what the target holds
 * @param differences      the first {@value #LISTED} nodes that differ, by id
 * @param differenceCount  how many nodes differ in all
 * @param labelDifferences the names of the labels one store lacks or describes otherwise, sorted
 * @param duration         how long the verification took
 */
public record Verification(
        String source,
        String target,
        Counts sourceCounts,
        Counts targetCounts,
        List<Difference> differences,
        long differenceCount,
        List<String> labelDifferences,
        Duration duration) {

    /** How many differing nodes a verification lists. */
    public static final int LISTED = 100;

    /**
     * Creates a {@code Verification}, checking and copying its components.
     *
     * @param source           the source's URL, password masked
     * @param target           the target's URL, password masked
     * @param sourceCounts     what the source holds
     * @param targetCounts     what the target holds
     * @param differences      the first {@value #LISTED} nodes that differ, by id
     * @param differenceCount  how many nodes differ in all
     * @param labelDifferences the names of the labels one store lacks or describes otherwise, sorted
     * @param duration         how long the verification took
     */
    public Verification {
        Objects.requireNonNull(sourceCounts, "sourceCounts");
        Objects.requireNonNull(targetCounts, "targetCounts");
        differences = List.copyOf(differences);
        labelDifferences = List.copyOf(labelDifferences);
        Objects.requireNonNull(duration, "duration");
    }

    /** {@return whether the target holds exactly what the source holds: the same counts, every node alike} */
    public boolean ok() {
        return sourceCounts.equals(targetCounts) && differenceCount == 0 && labelDifferences.isEmpty();
    }

    /** {@return what differs, in a few lines for a person to read; "no difference" when there is none} */
    public String describe() {
        if (ok()) {
            return "no difference: " + sourceCounts;
        }
        StringBuilder text = new StringBuilder();
        if (!sourceCounts.equals(targetCounts)) {
            text.append("counts differ: source ").append(sourceCounts).append(", target ").append(targetCounts)
                    .append('\n');
        }
        if (differenceCount > 0) {
            text.append(differenceCount).append(" node(s) differ");
            if (differenceCount > differences.size()) {
                text.append(", the first ").append(differences.size()).append(" listed");
            }
            text.append(":\n");
            differences.forEach(difference -> text.append("  ").append(difference.describe()).append('\n'));
        }
        if (!labelDifferences.isEmpty()) {
            text.append("labels differ: ").append(labelDifferences).append('\n');
        }
        return text.toString().stripTrailing();
    }

    /**
     * How many of each kind a store holds.
     *
     * @param nodes  nodes held
     * @param links  the links, counted as the parents of every node
     * @param labels labels defined
     * @param events the whole event log, the histories of deleted nodes included
     */
    public record Counts(long nodes, long links, long labels, long events) {
        @Override
        public String toString() {
            return nodes + " nodes, " + links + " links, " + labels + " labels, " + events + " events";
        }
    }

    /** How a node differs between the two stores. */
    public enum Kind {
        /** The source holds it, the target does not. */
        MISSING_IN_TARGET,
        /** The target holds it, the source does not. */
        ONLY_IN_TARGET,
        /** Both hold it, with different digests. */
        CHANGED
    }

    /**
     * One node that differs.
     *
     * @param nodeId the node's id
     * @param kind   how it differs
     * @param fields the fields whose values differ, in {@link NodeDigest}'s order ({@code parents} among them);
     *               empty unless the node is {@link Kind#CHANGED}
     */
    public record Difference(String nodeId, Kind kind, List<String> fields) {
        /**
         * Creates a {@code Difference}, checking and copying its components.
         *
         * @param nodeId the node's id
         * @param kind   how it differs
         * @param fields the fields whose values differ, in {@link NodeDigest}'s order ({@code parents} among them);
         *               empty unless the node is {@link Kind#CHANGED}
         */
        public Difference {
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(kind, "kind");
            fields = List.copyOf(fields);
        }

        String describe() {
            return switch (kind) {
                case MISSING_IN_TARGET -> nodeId + ": missing in the target";
                case ONLY_IN_TARGET -> nodeId + ": only in the target";
                case CHANGED -> nodeId + ": differs in " + String.join(", ", fields);
            };
        }
    }
}
