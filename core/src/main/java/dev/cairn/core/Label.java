package dev.cairn.core;

import java.util.Objects;

/**
 * A label: a name and an optional description. Immutable and thread-safe.
 *
 * @param name        1 to 100 characters, no control characters, no leading or trailing space
 * @param description free text, or {@code null}
 */
public record Label(String name, String description) {
    public Label {
        Objects.requireNonNull(name, "name");
    }
}
