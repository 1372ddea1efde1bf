package dev.cairn.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the audit trail: every change to a node appends one. Immutable and thread-safe.
 *
 * @param sequence increasing in the order the store appended the events
 * @param nodeId   the node changed
 * @param type     what happened
 * @param at       when
 * @param actor    who, as configured on the {@link Cairn} that made the change
 * @param details  JSON-able details: the changed fields with their old and new values, the other end
 *                 of a link, the labels added or removed
 */
public record Event(long sequence, String nodeId, EventType type, Instant at, String actor,
                    Map<String, Object> details) {
    /**
     * Creates an {@code Event}, checking and copying its components.
     *
     * @param sequence increasing in the order the store appended the events
     * @param nodeId   the node changed
     * @param type     what happened
     * @param at       when
     * @param actor    who, as configured on the {@link Cairn} that made the change
     * @param details  JSON-able details: the changed fields with their old and new values, the other end
     *                 of a link, the labels added or removed
     */
    public Event {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        details = details == null ? Map.of() : Values.freezeMap(details);
    }
}
