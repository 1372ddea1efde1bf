package dev.cairn.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What running one Command would do, as a dry run prints it: nothing has run. Immutable and thread-safe.
 *
 * @param commandId the Command node
 * @param title     its title
 * @param shell     the line given to {@code sh -c}
 * @param workdir   the folder it runs in, absolute
 * @param env       the variables its spec adds to the caller's environment
 * @param artifacts the artifact paths it declares, relative to the base folder, each once
 * @param log       the file its output would go to: the next run's, absolute
 */
public record PlannedRun(String commandId, String title, String shell, Path workdir, Map<String, String> env,
        List<String> artifacts, Path log) {
    /**
     * Requires the id, shell line and workdir; copies the variables and artifact paths.
     *
     * @param commandId the Command node
     * @param title     its title
     * @param shell     the line given to {@code sh -c}
     * @param workdir   the folder it runs in, absolute
     * @param env       the variables its spec adds to the caller's environment
     * @param artifacts the artifact paths it declares, relative to the base folder, each once
     * @param log       the file its output would go to: the next run's, absolute
     */
    public PlannedRun {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(shell, "shell");
        Objects.requireNonNull(workdir, "workdir");
        env = Map.copyOf(env);
        artifacts = List.copyOf(artifacts);
    }
}
