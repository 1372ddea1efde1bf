package dev.cairn.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A label: a name and an optional description. Immutable and thread-safe.
 *
 * @param name        1 to 100 characters, no control characters, no leading or trailing space
 * @param description free text, or {@code null}
 */
public record Label(String name, String description) {
    /**
     * Creates a {@code Label}, checking its components.
     *
     * @param name        1 to 100 characters, no control characters, no leading or trailing space
     * @param description free text, or {@code null}
     */
    public Label {
        Objects.requireNonNull(name, "name");
    }

    /** {@return every rule this label breaks; empty when {@link PlanGraph#defineLabel} would accept it} */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>(1);
        NodeRules.labelViolation("label", name).ifPresent(found::add);
        if (description != null
                && (description.indexOf('\0') >= 0 || description.length() > NodeRules.MAX_LABEL_DESCRIPTION)) {
            found.add(Violation.of("description", description,
                    "must be at most " + NodeRules.MAX_LABEL_DESCRIPTION + " characters without NUL"));
        }
        return found;
    }
}
