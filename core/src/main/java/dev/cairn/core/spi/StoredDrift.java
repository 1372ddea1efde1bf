package dev.cairn.core.spi;

import java.util.Objects;

/**
 * A value a store holds that Cairn's rules forbid: what another tool wrote bypassing Cairn, and what reading
 * the row as a {@link dev.cairn.core.Node} would reject or misreport. {@link StoreTransaction#drift()}
 * finds them; {@link dev.cairn.core.doctor.Doctor} reports them and repairs the safe ones. Immutable and
 * thread-safe.
 *
 * @param nodeId      the node whose row holds the value; for a link, its child
 * @param field       the field by Cairn's name: {@link #STATUS}, {@link #LAYER}, {@link #SEVERITY},
 *                    {@link #WORK_TYPE}, {@link #PROGRESS}, or {@link #PARENT} for a link
 * @param storedValue the value as stored, as text: a status as spelled, a progress in decimal, a link's
 *                    parent id
 * @param problem     what is wrong with it
 */
public record StoredDrift(String nodeId, String field, String storedValue, Problem problem) {
    /** The field name of a node's status. */
    public static final String STATUS = "status";
    /** The field name of a node's layer. */
    public static final String LAYER = "layer";
    /** The field name of a node's severity. */
    public static final String SEVERITY = "severity";
    /** The field name of a node's work type. */
    public static final String WORK_TYPE = "workType";
    /** The field name of a node's progress. */
    public static final String PROGRESS = "progress";
    /** The field name of a link, by its child's row. */
    public static final String PARENT = "parent";

    /** What is wrong with a stored value. */
    public enum Problem {
        /** Not one of the field's names, such as a status spelled {@code In Progress}. */
        UNKNOWN_VALUE,
        /** A progress below 0 or above 100. */
        OUT_OF_RANGE,
        /** The progress, 0 to 100, of a completed node, which is not 100. */
        COMPLETED_NOT_100,
        /** A link whose parent's layer does not come before its child's: what lets a cycle in. */
        AGAINST_LAYER_ORDER,
        /** A link whose parent, {@link #storedValue()}, does not exist. */
        PARENT_MISSING,
        /** A link whose child, {@link #nodeId()}, does not exist. */
        CHILD_MISSING
    }

    /**
     * Creates a {@code StoredDrift}, checking its components.
     *
     * @param nodeId      the node whose row holds the value; for a link, its child
     * @param field       the field by Cairn's name: {@link #STATUS}, {@link #LAYER}, {@link #SEVERITY},
     *                    {@link #WORK_TYPE}, {@link #PROGRESS}, or {@link #PARENT} for a link
     * @param storedValue the value as stored, as text: a status as spelled, a progress in decimal, a link's
     *                    parent id
     * @param problem     what is wrong with it
     */
    public StoredDrift {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(storedValue, "storedValue");
        Objects.requireNonNull(problem, "problem");
    }
}
