package dev.cairn.core;

import dev.cairn.core.spi.StoreTransaction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Links and unlinks nodes over one store transaction, with the layer-order rule and the events that tell of
 * it. Used by one thread for one unit of work.
 */
final class LinkWrites {
    private final StoreTransaction tx;
    private final GraphReads reads;
    private final GraphEvents events;

    LinkWrites(StoreTransaction tx, GraphReads reads, GraphEvents events) {
        this.tx = tx;
        this.reads = reads;
        this.events = events;
    }

    void link(String parentId, String childId) {
        Map<String, Layer> layers = reads.layersOf(Arrays.asList(parentId, childId));
        requireOrder(parentId, layers.get(parentId), childId, layers.get(childId));
        // The store refuses a link it holds already (InvalidLinkException), as its primary key does.
        tx.insertLink(new Link(parentId, childId));
        tx.append(List.of(events.linked(parentId, childId)));
    }

    void unlink(String parentId, String childId) {
        reads.get(parentId);
        reads.get(childId);
        if (!tx.deleteLink(new Link(parentId, childId))) {
            throw new InvalidLinkException("There is no link " + parentId + " → " + childId + " to remove.");
        }
        tx.append(List.of(events.event(childId, EventType.UNLINKED, Map.of("parent", parentId, "child", childId))));
    }

    static void requireOrder(Node parent, Node child) {
        requireOrder(parent.id(), parent.layer(), child.id(), child.layer());
    }

    static void requireOrder(String parentId, Layer parentLayer, String childId, Layer childLayer) {
        if (!parentLayer.isAbove(childLayer)) {
            throw new InvalidLinkException("Cannot link " + parentId + " (" + parentLayer.displayName()
                    + ") → " + childId + " (" + childLayer.displayName() + "): a parent's layer must come "
                    + "before its child's in " + Arrays.stream(Layer.values()).map(Layer::displayName).toList() + ".");
        }
    }
}
