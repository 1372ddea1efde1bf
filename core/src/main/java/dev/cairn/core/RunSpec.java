package dev.cairn.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a Command node runs: a shell line, a working folder and environment variables added to the
 * caller's. Immutable and thread-safe.
 *
 * @param shell   the line given to {@code sh -c}
 * @param workdir the working folder, relative to the base folder of a run; {@code null} for the base
 * @param env     variables added to the caller's environment, in the order given; never {@code null}
 */
public record RunSpec(String shell, String workdir, Map<String, String> env) {
    /**
     * Creates a {@code RunSpec}, checking and copying its components.
     *
     * @param shell   the line given to {@code sh -c}
     * @param workdir the working folder, relative to the base folder of a run; {@code null} for the base
     * @param env     variables added to the caller's environment, kept in the order given; never {@code null}
     */
    public RunSpec {
        Objects.requireNonNull(shell, "shell");
        // In the order given, so that a plan file's variables are written back as its owner wrote them.
        env = env == null || env.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
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
