package dev.cairn.benchmarks;

import dev.cairn.core.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The shape of a benchmark tree, the same for Cairn and its baseline: one goal, each node with
 * {@link #FAN_OUT} (or another fan-out) children on the next layer, filled breadth first until the tree
 * holds the size asked for. A parent always comes before its children in the list. Immutable and thread-safe.
 */
final class TreeShape {
    /** Children per node: with 100,000 nodes the tree is six layers deep (Goal to AcceptanceCriteria). */
    static final int FAN_OUT = 10;

    /** One node of the shape; {@code parentId} is null for the root. */
    record Entry(String id, Layer layer, String parentId) {
    }

    private final List<Entry> entries;

    private TreeShape(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * A tree of exactly {@code size} nodes.
     *
     * @throws IllegalArgumentException when {@code size} is below 1 or would need more than twelve layers
     */
    static TreeShape of(int size) {
        return of(size, FAN_OUT);
    }

    /**
     * A tree of exactly {@code size} nodes, {@code fanOut} children per node.
     *
     * @throws IllegalArgumentException when {@code size} or {@code fanOut} is below 1, or the tree would need
     *                                  more than twelve layers
     */
    static TreeShape of(int size, int fanOut) {
        if (size < 1 || fanOut < 1) {
            throw new IllegalArgumentException("size and fanOut must be at least 1, were " + size + " and " + fanOut);
        }
        Layer[] layers = Layer.values();
        List<Entry> entries = new ArrayList<>(size);
        entries.add(new Entry(id(Layer.GOAL, 0), Layer.GOAL, null));
        for (int parentIndex = 0; entries.size() < size; parentIndex++) {
            Entry parent = entries.get(parentIndex);
            int childDepth = parent.layer().ordinal() + 1;
            if (childDepth >= layers.length) {
                throw new IllegalArgumentException("size " + size + " needs more than " + layers.length
                        + " layers at fan-out " + fanOut);
            }
            Layer childLayer = layers[childDepth];
            for (int child = 0; child < fanOut && entries.size() < size; child++) {
                entries.add(new Entry(id(childLayer, entries.size()), childLayer, parent.id()));
            }
        }
        return new TreeShape(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    String rootId() {
        return entries.get(0).id();
    }

    int size() {
        return entries.size();
    }

    /** {@code count} ids drawn from the whole tree, the same ones on every call: what get-by-id looks up. */
    String[] probeIds(int count) {
        Random random = new Random(42);
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = entries.get(random.nextInt(entries.size())).id();
        }
        return ids;
    }

    private static String id(Layer layer, int index) {
        return layer.prefix() + "-" + index;
    }
}
