package dev.cairn.core;

import java.util.Objects;

/**
 * A parent → child link. Immutable and thread-safe.
 *
 * @param parentId the parent node's id
 * @param childId  the child node's id
 */
public record Link(String parentId, String childId) {
    /**
     * Creates a {@code Link}, checking its components.
     *
     * @param parentId the parent node's id
     * @param childId  the child node's id
     */
    public Link {
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(childId, "childId");
    }
}
