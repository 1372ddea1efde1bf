package dev.cairn.core;

import java.util.List;
import java.util.Objects;

/**
 * A node with its rolled-up progress and the trees of its children, for display. A node with several
 * parents appears under each. Immutable and thread-safe.
 *
 * @param rolledUpProgress the mean of the children's rolled-up progress (a leaf's own progress;
 *                         completed counts 100; cancelled children are left out), 0 to 100
 */
public record PlanTree(Node node, double rolledUpProgress, List<PlanTree> children) {
    public PlanTree {
        Objects.requireNonNull(node, "node");
        children = List.copyOf(children);
    }
}
