package dev.cairn.core;

import java.util.List;
import java.util.Objects;

/**
 * A node with its rolled-up progress and the trees of its children, for display. A node with several
 * parents appears under each. Immutable and thread-safe.
 *
 * @param node             the node at the root of this tree
 * @param rolledUpProgress the mean of the children's rolled-up progress (a leaf's own progress;
 *                         completed counts 100; cancelled children are left out), 0 to 100
 * @param children         the trees of its children, in the order {@link PlanGraph#children} gives them
 */
public record PlanTree(Node node, double rolledUpProgress, List<PlanTree> children) {
    /**
     * Creates a {@code PlanTree}, checking and copying its components.
     *
     * @param node             the node at the root of this tree
     * @param rolledUpProgress the mean of the children's rolled-up progress (a leaf's own progress;
     *                         completed counts 100; cancelled children are left out), 0 to 100
     * @param children         the trees of its children, in the order {@link PlanGraph#children} gives them
     */
    public PlanTree {
        Objects.requireNonNull(node, "node");
        children = List.copyOf(children);
    }
}
