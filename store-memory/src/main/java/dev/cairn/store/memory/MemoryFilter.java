package dev.cairn.store.memory;

import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.WorkType;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The filters of one {@link NodeQuery}, unwrapped once so that testing a node allocates nothing. Not
 * thread-safe: made and used under the lock of the state it reads.
 */
final class MemoryFilter implements Predicate<Node> {
    private final MemoryState state;
    private final Set<Layer> layers;
    private final Set<Status> statuses;
    private final String owner;
    private final String assignee;
    private final Set<Severity> severities;
    private final Set<WorkType> workTypes;
    private final Set<String> anyLabels;
    private final Set<String> allLabels;
    private final String text;
    private final String parentOf;
    private final String childOf;
    private final boolean withoutParents;

    MemoryFilter(MemoryState state, NodeQuery query) {
        this.state = state;
        this.layers = query.layers();
        this.statuses = query.statuses();
        this.owner = query.owner().orElse(null);
        this.assignee = query.assignee().orElse(null);
        this.severities = query.severities();
        this.workTypes = query.workTypes();
        this.anyLabels = query.anyLabels();
        this.allLabels = query.allLabels();
        this.text = query.text().orElse(null);
        this.parentOf = query.parentOf().orElse(null);
        this.childOf = query.childOf().orElse(null);
        this.withoutParents = query.isWithoutParents();
    }

    @Override
    public boolean test(Node node) {
        return (layers.isEmpty() || layers.contains(node.layer()))
                && (statuses.isEmpty() || statuses.contains(node.status()))
                && (owner == null || owner.equals(node.owner()))
                && (assignee == null || assignee.equals(node.assignee()))
                && (severities.isEmpty() || node.severity() != null && severities.contains(node.severity()))
                && (workTypes.isEmpty() || node.workType() != null && workTypes.contains(node.workType()))
                && (anyLabels.isEmpty() || containsAny(node.labels(), anyLabels))
                && (allLabels.isEmpty() || node.labels().containsAll(allLabels))
                && (text == null || containsIgnoreCase(node.title(), text)
                        || containsIgnoreCase(node.description(), text))
                && (parentOf == null || state.hasLink(node.id(), parentOf))
                && (childOf == null || state.hasLink(childOf, node.id()))
                && (!withoutParents || state.parentIds(node.id()).isEmpty());
    }

    private static boolean containsAny(Set<String> labels, Set<String> wanted) {
        for (String label : wanted) {
            if (labels.contains(label)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code haystack} contains {@code needle}, comparing char by char and ignoring case. */
    static boolean containsIgnoreCase(String haystack, String needle) {
        if (haystack == null) {
            return false;
        }
        int last = haystack.length() - needle.length();
        for (int start = 0; start <= last; start++) {
            if (haystack.regionMatches(true, start, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }
}
