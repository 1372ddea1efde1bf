package dev.cairn.core;

import dev.cairn.core.spi.NewEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The time and the actor of one unit of work: the instant every write stamps on nodes, and the events the
 * writes append. Used by one thread for one unit of work.
 */
final class GraphEvents {
    private final Clock clock;
    private final String actor;

    GraphEvents(Clock clock, String actor) {
        this.clock = clock;
        this.actor = actor;
    }

    /** The time now, to the millisecond every store keeps. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The event of a node's creation: the same for {@link PlanGraph#create} and a {@link Batch}. */
    NewEvent created(Node node) {
        // Strings only, so built frozen rather than deep-copied: a batch makes one per node.
        Map<String, Object> details = new LinkedHashMap<>(4);
        details.put("layer", node.layer().displayName());
        details.put("title", node.title());
        details.put("status", node.status().wireName());
        return new NewEvent(node.id(), EventType.CREATED, now(), actor, Collections.unmodifiableMap(details));
    }

    /** The event of a new link, told in the child's history. */
    NewEvent linked(String parentId, String childId) {
        Map<String, Object> details = new LinkedHashMap<>(4);
        details.put("parent", parentId);
        details.put("child", childId);
        return new NewEvent(childId, EventType.LINKED, now(), actor, Collections.unmodifiableMap(details));
    }

    NewEvent event(String nodeId, EventType type, Map<String, Object> details) {
        return new NewEvent(nodeId, type, now(), actor, Values.freezeMap(details));
    }
}
