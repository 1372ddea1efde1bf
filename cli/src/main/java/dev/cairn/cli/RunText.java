package dev.cairn.cli;

import dev.cairn.core.run.CommandRun;
import dev.cairn.runner.RunOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Runs of Commands as people read them, and the names {@code run} and {@code runs} give their results. */
final class RunText {
    /** How many lines of a failing run's output {@code run} shows; the log has the rest. */
    static final int TAIL_LINES = 20;

    private RunText() {
    }

    /** What became of a Command asked to run. */
    enum Result {
        PASS("pass"), FAIL("FAIL"), TIMEOUT("TIMEOUT"), BUSY("BUSY"), NOT_RUN("NOT RUN"), NOT_STARTED("COULD NOT START");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        /** As the text output shows it: failures in capitals, to be seen. */
        String label() {
            return label;
        }

        /** As JSON and YAML write it: {@code pass}, {@code fail}, {@code timeout}, {@code busy}, {@code not_started}. */
        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Result result(RunOutcome outcome) {
        CommandRun run = outcome.run();
        if (run == null) {
            return outcome.busy() ? Result.BUSY : Result.NOT_RUN;
        }
        if (run.timedOut()) {
            return Result.TIMEOUT;
        }
        if (run.exitCode() == null) {
            return Result.NOT_STARTED;
        }
        return run.passed() ? Result.PASS : Result.FAIL;
    }

    static int count(List<RunOutcome> outcomes, Result result) {
        return (int) outcomes.stream().filter(outcome -> result(outcome) == result).count();
    }

    /**
     * Where a recorded run stands: {@code exited} (with an exit code), {@code timed_out}, {@code not_started}
     * (it ended without an exit code: its process could not start, or the runner was interrupted), {@code running}
     * or {@code never_ended} (no end recorded and no runner holding it: its runner died).
     */
    static String state(CommandRun run, boolean running) {
        if (!run.ended()) {
            return running ? "running" : "never_ended";
        }
        if (run.timedOut()) {
            return "timed_out";
        }
        return run.exitCode() == null ? "not_started" : "exited";
    }

    /** The state for a table: {@code exit 3}, {@code timeout}, {@code not started}, {@code running}, {@code never ended}. */
    static String exit(CommandRun run, boolean running) {
        String state = state(run, running);
        return state.equals("exited") ? "exit " + run.exitCode()
                : state.equals("timed_out") ? "timeout" : state.replace('_', ' ');
    }

    /** {@code 850 ms}, {@code 12.3 s}, {@code 4 m 05 s}, {@code 2 h 10 m}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d m %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d m", seconds / 3600, seconds % 3600 / 60);
    }

    /** {@code 1/2} artifacts present of those declared; {@code -} when none was declared or the run has not ended. */
    static String artifacts(CommandRun run) {
        if (run.artifacts().isEmpty()) {
            return "-";
        }
        return (run.artifacts().size() - run.missingArtifacts().size()) + "/" + run.artifacts().size();
    }

    /**
     * The last {@code limit} lines of {@code output}, each after {@code indent}; a line first says how many
     * came before, when some did.
     */
    static void tail(PrintWriter out, String output, int limit, String indent, String log) {
        if (output == null || output.isEmpty()) {
            out.println(indent + "(no output)");
            return;
        }
        List<String> lines = output.lines().toList();
        int from = Math.max(0, lines.size() - limit);
        if (from > 0) {
            out.println(indent + "… " + from + (from == 1 ? " line" : " lines") + " before these"
                    + (log == null ? "" : ", in " + log));
        }
        for (String line : lines.subList(from, lines.size())) {
            out.println(line.isBlank() ? "" : indent + line);
        }
    }
}
