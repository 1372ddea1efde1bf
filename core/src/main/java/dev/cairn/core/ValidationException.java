package dev.cairn.core;

import java.util.List;
import java.util.stream.Collectors;

/** A value breaks a rule of the model; nothing was written. Lists every {@link Violation} found. */
public class ValidationException extends CairnException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * An exception for one broken rule.
     *
     * @param violation the field, the value found there and the rule it breaks
     */
    public ValidationException(Violation violation) {
        this(List.of(violation));
    }

    /**
     * An exception for every rule an input breaks.
     *
     * @param violations the broken rules, at least one, in field order
     */
    public ValidationException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** {@return every broken rule, in the order found} */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        if (violations.size() == 1) {
            return "Invalid " + violations.get(0);
        }
        return violations.size() + " invalid values: "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
