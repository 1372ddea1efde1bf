package dev.cairn.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolled-up progress over a set of nodes and links: a completed node counts 100, whatever lies below
 * it; any other node's is the mean of its children's, cancelled children left out, or its own progress
 * when it has no other children. Layers are strictly ordered, so
 * the graph has no cycle and is at most twelve deep.
 */
final class Rollup {
    private final Map<String, Node> nodes;
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, Double> memo = new HashMap<>();

    Rollup(Map<String, Node> nodes, List<Link> links) {
        this.nodes = nodes;
        for (Link link : links) {
            if (nodes.containsKey(link.parentId()) && nodes.containsKey(link.childId())) {
                children.computeIfAbsent(link.parentId(), key -> new ArrayList<>()).add(link.childId());
            }
        }
        children.values().forEach(list -> list.sort(null));
    }

    double progress(String id) {
        Double known = memo.get(id);
        if (known != null) {
            return known;
        }
        Node node = nodes.get(id);
        if (node.status() == Status.COMPLETED) {
            memo.put(id, 100.0);
            return 100.0;
        }
        double sum = 0;
        int counted = 0;
        for (String childId : children.getOrDefault(id, List.of())) {
            if (nodes.get(childId).status() != Status.CANCELLED) {
                sum += progress(childId);
                counted++;
            }
        }
        double result = counted > 0 ? sum / counted : own(node);
        memo.put(id, result);
        return result;
    }

    PlanTree tree(String id) {
        List<PlanTree> subtrees = new ArrayList<>();
        for (String childId : children.getOrDefault(id, List.of())) {
            subtrees.add(tree(childId));
        }
        return new PlanTree(nodes.get(id), progress(id), subtrees);
    }

    private static double own(Node node) {
        return node.progress();
    }
}
