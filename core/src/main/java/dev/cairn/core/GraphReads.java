package dev.cairn.core;

import dev.cairn.core.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The queries of {@link PlanGraph} over one store transaction: nodes, the hierarchy, trees with their rolled-up
 * progress, labels and history. Each asks the store once or a few times; none writes. Used by one thread for one
 * unit of work.
 */
final class GraphReads {
    private final StoreTransaction tx;

    GraphReads(StoreTransaction tx) {
        this.tx = tx;
    }

    Node get(String id) {
        return findById(id).orElseThrow(() -> new NoSuchNodeException("No node with id " + describeId(id) + "."));
    }

    Optional<Node> findById(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return tx.node(id);
    }

    List<Node> find(NodeQuery query) {
        return tx.find(Objects.requireNonNull(query, "query"));
    }

    long count(NodeQuery query) {
        return tx.count(Objects.requireNonNull(query, "query").unpaged());
    }

    List<Label> labels() {
        return tx.labels();
    }

    List<Node> children(String id) {
        get(id);
        return tx.find(NodeQuery.all().childOf(id));
    }

    List<Node> parents(String id) {
        get(id);
        return tx.find(NodeQuery.all().parentOf(id));
    }

    List<Node> descendants(String id) {
        get(id);
        return tx.descendants(id);
    }

    List<Node> ancestors(String id) {
        get(id);
        return tx.ancestors(id);
    }

    List<Node> roots() {
        return tx.find(NodeQuery.all().withoutParents());
    }

    List<Node> orphans() {
        List<Layer> belowGoal = new ArrayList<>(Arrays.asList(Layer.values()));
        belowGoal.remove(Layer.GOAL);
        return tx.find(NodeQuery.all().withoutParents().layers(belowGoal.toArray(Layer[]::new)));
    }

    List<Link> links() {
        return tx.links();
    }

    List<StatusCount> countByLayerAndStatus() {
        return tx.countByLayerAndStatus();
    }

    PlanTree tree(String id) {
        Node root = get(id);
        Map<String, Node> nodes = new LinkedHashMap<>();
        nodes.put(id, root);
        tx.descendants(id).forEach(node -> nodes.put(node.id(), node));
        return new Rollup(nodes, tx.descendantLinks(id)).tree(id);
    }

    List<PlanTree> forest() {
        Map<String, Node> nodes = new LinkedHashMap<>();
        tx.find(NodeQuery.all()).forEach(node -> nodes.put(node.id(), node));
        Rollup rollup = new Rollup(nodes, tx.links());
        return roots().stream().map(root -> rollup.tree(root.id())).toList();
    }

    List<Event> history(String id) {
        return tx.events(Objects.requireNonNull(id, "id"));
    }

    List<Event> events(long afterSequence, int limit) {
        if (limit < 1) {
            throw new ValidationException(Violation.of("limit", limit, "must be 1 or more"));
        }
        return tx.events(afterSequence, limit);
    }

    /** An id as an error quotes it, cut at 80 characters: a valid id is shorter, an invalid one any length. */
    /**
     * The layers of the nodes of {@code ids}, read without the rest of them; the first id with no node fails, as
     * {@link #get} fails.
     */
    Map<String, Layer> layersOf(Collection<String> ids) {
        List<String> named = ids.stream().filter(Objects::nonNull).toList();
        Map<String, Layer> layers = named.isEmpty() ? Map.of() : tx.layers(named);
        for (String id : ids) {
            if (id == null || !layers.containsKey(id)) {
                throw new NoSuchNodeException("No node with id " + describeId(id) + ".");
            }
        }
        return layers;
    }

    static String describeId(String id) {
        return id == null ? "null" : "'" + (id.length() > 80 ? id.substring(0, 80) + "…" : id) + "'";
    }
}
