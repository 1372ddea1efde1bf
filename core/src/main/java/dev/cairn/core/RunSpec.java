package dev.cairn.core;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a Command node runs: a shell line, a working folder and environment variables added to the
 * caller's. Immutable and thread-safe.
 *
 * @param shell   the line given to {@code sh -c}
 * @param workdir the working folder, relative to the base folder of a run; {@code null} for the base
 * @param env     variables added to the caller's environment, never {@code null}
 */
public record RunSpec(String shell, String workdir, Map<String, String> env) {
    /**
     * Creates a {@code RunSpec}, checking and copying its components.
     *
     * @param shell   the line given to {@code sh -c}
     * @param workdir the working folder, relative to the base folder of a run; {@code null} for the base
     * @param env     variables added to the caller's environment, never {@code null}
     */
    public RunSpec {
        Objects.requireNonNull(shell, "shell");
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(env));
    }

    /**
     * A run of {@code shell} in the base folder with no extra environment.
     *
     * @param shell the shell command to run
     * @return the run
     */
    public static RunSpec of(String shell) {
        return new RunSpec(shell, null, Map.of());
    }
}
