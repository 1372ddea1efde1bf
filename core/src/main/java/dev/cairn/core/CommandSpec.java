package dev.cairn.core;

import java.util.List;
import java.util.Objects;

/**
 * What a Command node verifies and how: the AcceptanceCriteria it checks, the run, and the artifact
 * paths the run produces. Only Command nodes carry one. Immutable and thread-safe.
 *
 * @param acRef     the id of an existing AcceptanceCriteria node
 * @param run       how to run it
 * @param artifacts paths of the files the run produces, relative to the base folder; never {@code null}
 */
public record CommandSpec(String acRef, RunSpec run, List<String> artifacts) {
    /**
     * Creates a {@code CommandSpec}, checking and copying its components.
     *
     * @param acRef     the id of an existing AcceptanceCriteria node
     * @param run       how to run it
     * @param artifacts paths of the files the run produces, relative to the base folder; never {@code null}
     */
    public CommandSpec {
        Objects.requireNonNull(acRef, "acRef");
        Objects.requireNonNull(run, "run");
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    /**
     * A spec that verifies {@code acRef} by running {@code shell}, with no artifacts.
     *
     * @param acRef the id of the AcceptanceCriteria node verified
     * @param shell the shell command to run
     * @return the spec
     */
    public static CommandSpec of(String acRef, String shell) {
        return new CommandSpec(acRef, RunSpec.of(shell), List.of());
    }
}
