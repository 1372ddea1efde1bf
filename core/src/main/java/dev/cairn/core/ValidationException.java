package dev.cairn.core;

import java.util.List;
import java.util.stream.Collectors;

/** A value breaks a rule of the model; nothing was written. Lists every {@link Violation} found. */
public class ValidationException extends CairnException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public ValidationException(Violation violation) {
        this(List.of(violation));
    }

    public ValidationException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** Every broken rule, in the order found. */
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
