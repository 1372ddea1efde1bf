package dev.cairn.cli;

import dev.cairn.core.run.CommandRun;
import dev.cairn.runner.CommandRunner;
import dev.cairn.runner.PlannedRun;
import dev.cairn.runner.RunListener;
import dev.cairn.runner.RunOutcome;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn run ID}: runs a Command, or every Command under a node, and records each run. */
@Command(name = "run",
        description = {"Runs the Command ID, or every Command under the node ID that is not cancelled, one after "
                + "another: its shell line through sh -c, in its workdir (relative to --base, which it may not "
                + "leave), with its env added. Each run is recorded with its exit code, the end of its output and "
                + "its artifacts (present, size, SHA-256); its whole output goes to RESULTS/CMD-ID/N.log.",
            "Exits 0 when every Command passed (exit code 0, every artifact present), 1 when one failed, timed out "
                + "or could not start, 4 when one was busy (another runner was running it) and none failed. "
                + "--dry-run says what would run, and runs and writes nothing."},
        footerHeading = "%nExamples:%n",
        footer = {"  cairn run CMD-UNIT-TESTS", "  cairn run AC-ROUND-TRIP --timeout 5m --move-status",
            "  cairn run R-IMPORT --dry-run"})
final class RunCommand extends CliCommand {
    @Parameters(paramLabel = "ID", description = "A Command, or a node whose Commands below it run.")
    String id;

    @Option(names = "--base", paramLabel = "DIR",
            description = "The folder workdirs and artifact paths are relative to (default: the current folder).")
    Path base;

    @Option(names = "--results", paramLabel = "DIR", description = "Where the logs go (default: BASE/results).")
    Path results;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "How long each run may take before it is stopped with every process it started: 90s, "
                    + "5m, 1h, 500ms or PT5M (default: 10m).")
    Duration timeout = CommandRunner.DEFAULT_TIMEOUT;

    @Option(names = "--move-status", description = "Move a Command that passes to completed, one that fails to "
            + "blocked.")
    boolean moveStatus;

    @Option(names = "--fail-fast", description = "Stop at the first Command that fails or is busy.")
    boolean failFast;

    @Option(names = "--clean-artifacts", description = "Delete each declared artifact file before its run, so "
            + "that a file an earlier run left does not count.")
    boolean cleanArtifacts;

    @Option(names = "--max-log", paramLabel = "SIZE", converter = Converters.SizeConverter.class,
            description = "The most output a run's log keeps (65536, 512k, 100m, 2g); past it only the last 64 KiB "
                    + "are kept (default: 100m).")
    long maxLog = CommandRunner.DEFAULT_MAX_LOG_BYTES;

    @Option(names = "--dry-run", description = "Print what would run, and run and write nothing.")
    boolean dryRun;

    @Override
    boolean createsStore() {
        return !dryRun;
    }

    @Override
    int run() {
        Path baseFolder = environment().workingDir().resolve(base == null ? Path.of("") : base).normalize();
        if (!Files.isDirectory(baseFolder)) {
            throw new UsageException("--base " + baseFolder + " is no folder");
        }
        CommandRunner runner = CommandRunner.of(cairn())
                .baseFolder(baseFolder)
                .timeout(timeout)
                .moveStatus(moveStatus)
                .stopAtFirstFailure(failFast)
                .removeArtifactsFirst(cleanArtifacts)
                .maxLogBytes(maxLog)
                .environment(environment().variables());
        if (results != null) {
            runner.resultsFolder(environment().workingDir().resolve(results));
        }
        List<PlannedRun> plans = runner.plan(id);
        if (dryRun) {
            output().emit(RunShapes.plans(id, plans), out -> printPlans(out, plans));
            return ExitCodes.OK;
        }
        if (plans.isEmpty()) {
            output().emit(RunShapes.outcomes(id, List.of(), 0), out -> out.println(nothingToRun()));
            return ExitCodes.OK;
        }
        // People see each run start and end as it happens: on stdout as text, on stderr beside JSON or YAML.
        PrintWriter progress = output().isText() ? output().out() : environment().interactive() ? environment().err()
                : null;
        List<RunOutcome> outcomes = runner.listener(new Progress(progress)).run(plans);
        int passed = RunText.count(outcomes, RunText.Result.PASS);
        int busy = RunText.count(outcomes, RunText.Result.BUSY);
        int failed = outcomes.size() - passed - busy;
        int notRun = Math.max(0, plans.size() - outcomes.size());
        output().emit(RunShapes.outcomes(id, outcomes, notRun), out -> out.println(passed + " passed, " + failed
                + " failed, " + busy + " busy" + (notRun == 0 ? "" : ", " + notRun + " not run (--fail-fast)")));
        output().out().flush(); // the summary before the line on stderr, at a terminal showing both
        if (failed > 0) {
            environment().err().println("cairn: " + failed + " of " + outcomes.size() + " Commands failed; "
                    + "'cairn runs CMD-ID --run N' shows a run in full.");
            return ExitCodes.FAILURE;
        }
        if (busy > 0) {
            environment().err().println("cairn: " + busy + (busy == 1 ? " Command was" : " Commands were")
                    + " not run: another runner is running " + (busy == 1 ? "it" : "them") + ". Run again once "
                    + "that run has ended.");
            return ExitCodes.CONFLICT;
        }
        return ExitCodes.OK;
    }

    private String nothingToRun() {
        return "No Commands found under " + id + " (cancelled ones are left out): nothing to run.";
    }

    private void printPlans(PrintWriter out, List<PlannedRun> plans) {
        if (plans.isEmpty()) {
            out.println(nothingToRun());
            return;
        }
        out.println("Dry run: " + plans.size() + (plans.size() == 1 ? " Command" : " Commands")
                + " would run, in this order; nothing run, nothing written.");
        for (PlannedRun plan : plans) {
            out.println(plan.commandId() + "  " + plan.title());
            Table table = new Table("", "").withoutHeader();
            // A script of several lines is shown as it is, a line a row, not squeezed onto one.
            List<String> lines = plan.shell().lines().toList();
            for (int i = 0; i < Math.max(1, lines.size()); i++) {
                table.row(i == 0 ? "shell" : "", lines.isEmpty() ? "" : lines.get(i));
            }
            table.row("workdir", plan.workdir());
            if (plan.env().isEmpty()) {
                table.row("env", "(none added)");
            }
            new TreeMap<>(plan.env()).forEach((name, value) -> table.row("env", name + "=" + value));
            plan.artifacts().forEach(path -> table.row("artifact", path));
            table.row("log", plan.log());
            table.print(out, "  ");
        }
    }

    /** Prints each run as it starts and ends, when someone is there to read it. */
    private final class Progress implements RunListener {
        private final PrintWriter out;

        Progress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void starting(PlannedRun plan, int number) {
            if (out != null) {
                out.println(plan.commandId() + " #" + number + " started: " + plan.shell());
                out.flush();
            }
        }

        @Override
        public void finished(RunOutcome outcome) {
            if (out != null) {
                print(out, outcome);
                out.flush();
            }
        }
    }

    private void print(PrintWriter out, RunOutcome outcome) {
        RunText.Result result = RunText.result(outcome);
        CommandRun run = outcome.run();
        if (run == null) {
            out.println(outcome.commandId() + " " + result.label() + (outcome.busy() ? ", not run: " : ": ")
                    + outcome.note());
            return;
        }
        List<String> parts = new ArrayList<>();
        String took = run.duration().map(RunText::duration).orElse("?");
        parts.add(run.exitCode() != null ? "exit " + run.exitCode() + " in " + took
                : run.timedOut() ? "stopped at its timeout of " + RunText.duration(timeout) + ", after " + took
                : "no exit code, after " + took);
        if (!run.missingArtifacts().isEmpty()) {
            parts.add("missing " + String.join(", ", run.missingArtifacts()));
        }
        if (outcome.statusAfter() != null && outcome.statusAfter() != outcome.statusBefore()) {
            parts.add("status " + outcome.statusBefore().wireName() + " → " + outcome.statusAfter().wireName());
        }
        if (!outcome.note().isEmpty()) {
            parts.add(outcome.note());
        }
        parts.add("log " + (run.logPath() == null ? "none" : run.logPath()));
        out.println(run.commandId() + " #" + run.number() + " " + result.label() + ": " + String.join("; ", parts));
        if (result != RunText.Result.PASS) {
            RunText.tail(out, run.outputTail(), RunText.TAIL_LINES, "    ", run.logPath());
        }
    }
}
