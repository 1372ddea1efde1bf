package dev.cairn.core.spi;

import dev.cairn.core.EventType;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An event to append; the store gives it its sequence number. Immutable and thread-safe.
 *
 * @param nodeId  the id of the node changed
 * @param type    what happened
 * @param at      when
 * @param actor   who made the change
 * @param details JSON-able, already deep-copied and unmodifiable
 */
public record NewEvent(String nodeId, EventType type, Instant at, String actor, Map<String, Object> details) {
    /**
     * Creates a {@code NewEvent}, checking and copying its components.
     *
     * @param nodeId  the id of the node changed
     * @param type    what happened
     * @param at      when
     * @param actor   who made the change
     * @param details JSON-able, already deep-copied and unmodifiable
     */
    public NewEvent {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        details = details == null ? Map.of() : details;
    }
}
