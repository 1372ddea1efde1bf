package dev.cairn.core.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a Command node, as the store records it: written when the run starts, completed when it ends.
 * A run that never ended (its runner was killed) keeps {@code endedAt} {@code null} for good. Immutable and
 * thread-safe.
 *
 * @param commandId  the Command node
 * @param number     1 for its first run, then one more for each
 * @param startedAt  when the process started
 * @param endedAt    when it ended; {@code null} while it runs or when its runner died first
 * @param exitCode   what the process returned; {@code null} while it runs, on a timeout, and when it could
 *                   not start
 * @param timedOut   whether it was stopped for running past its timeout
 * @param outputTail the end of its output (stdout and stderr together), up to 64 KiB; {@code null} while it
 *                   runs
 * @param logPath    the file of its whole output, relative to the base folder when inside it; {@code null}
 *                   when none could be written
 * @param actor      who ran it, from the configuration; may be {@code null}
 * @param artifacts  what it found at each declared artifact path, sorted by path, each path once; empty while it
 *                   runs
 */
public record CommandRun(String commandId, int number, Instant startedAt, Instant endedAt, Integer exitCode,
        boolean timedOut, String outputTail, String logPath, String actor, List<ArtifactCheck> artifacts) {
    /** The most of its output a run keeps in the store, in UTF-8 bytes; the whole of it is in the log. */
    public static final int MAX_TAIL_BYTES = 64 * 1024;

    /**
     * Creates a {@code CommandRun}, checking and copying its components.
     *
     * @param commandId  the Command node
     * @param number     1 for its first run, then one more for each
     * @param startedAt  when the process started
     * @param endedAt    when it ended; {@code null} while it runs or when its runner died first
     * @param exitCode   what the process returned; {@code null} while it runs, on a timeout, and when it could
     *                   not start
     * @param timedOut   whether it was stopped for running past its timeout
     * @param outputTail the end of its output (stdout and stderr together), up to 64 KiB; {@code null} while it
     *                   runs
     * @param logPath    the file of its whole output, relative to the base folder when inside it; {@code null}
     *                   when none could be written
     * @param actor      who ran it, from the configuration; may be {@code null}
     * @param artifacts  what it found at each declared artifact path, sorted by path, each path once; empty while it
     *                   runs
     */
    public CommandRun {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(startedAt, "startedAt");
        if (number < 1) {
            throw new IllegalArgumentException("A run number starts at 1: " + number);
        }
        if (endedAt != null && endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("A run cannot end before it starts: " + startedAt + " → " + endedAt);
        }
        if (endedAt == null && (exitCode != null || timedOut)) {
            throw new IllegalArgumentException("A run that has not ended has no exit code and has not timed out");
        }
        artifacts = artifacts == null ? List.of() : sortedByPath(artifacts);
    }

    private static List<ArtifactCheck> sortedByPath(List<ArtifactCheck> artifacts) {
        List<ArtifactCheck> sorted = new ArrayList<>(artifacts);
        sorted.sort(Comparator.comparing(ArtifactCheck::path));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).path().equals(sorted.get(i - 1).path())) {
                throw new IllegalArgumentException("An artifact path is checked once per run: " + sorted.get(i).path());
            }
        }
        return List.copyOf(sorted);
    }

    /**
     * A run just started: no end, no output yet.
     *
     * @param commandId the Command node
     * @param number    1 for its first run, then one more for each
     * @param startedAt when the process started
     * @param actor     who ran it, from the configuration; may be {@code null}
     * @return the run
     */
    public static CommandRun started(String commandId, int number, Instant startedAt, String actor) {
        return new CommandRun(commandId, number, startedAt, null, null, false, null, null, actor, List.of());
    }

    /** {@return whether it has ended (with or without an exit code)} */
    public boolean ended() {
        return endedAt != null;
    }

    /** {@return whether it ended with exit code 0, in time, with every declared artifact present} */
    public boolean passed() {
        return ended() && !timedOut && exitCode != null && exitCode == 0
                && artifacts.stream().allMatch(ArtifactCheck::present);
    }

    /** {@return how long it ran; empty when it has not ended} */
    public Optional<Duration> duration() {
        return ended() ? Optional.of(Duration.between(startedAt, endedAt)) : Optional.empty();
    }

    /** {@return the artifacts it declared and did not find} */
    public List<String> missingArtifacts() {
        return artifacts.stream().filter(check -> !check.present()).map(ArtifactCheck::path).toList();
    }

    /**
     * This run, ended at {@code at} with what it found.
     *
     * @param at         when the process ended
     * @param exitCode   what the process returned; {@code null} on a timeout or when it could not start
     * @param timedOut   whether it was stopped for running past its timeout
     * @param outputTail the end of its output, up to 64 KiB
     * @param logPath    the file of its whole output, or {@code null}
     * @param artifacts  what it found at each declared artifact path
     * @return a copy of this run with those fields
     */
    public CommandRun end(Instant at, Integer exitCode, boolean timedOut, String outputTail, String logPath,
            List<ArtifactCheck> artifacts) {
        return new CommandRun(commandId, number, startedAt, at, exitCode, timedOut, outputTail, logPath, actor,
                artifacts);
    }
}
