package dev.cairn.core;

import java.util.Objects;

/** A parent → child link. Immutable and thread-safe. */
public record Link(String parentId, String childId) {
    public Link {
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(childId, "childId");
    }
}
