package dev.cairn.cli;

import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.run.ArtifactCheck;
import dev.cairn.core.run.CommandLease;
import dev.cairn.core.run.CommandRun;
import dev.cairn.runner.CommandRunner;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn runs CMD-ID}: the recorded runs of a Command, newest first, or one of them in full. */
@Command(name = "runs",
        description = {"Lists the recorded runs of a Command, newest first: when each started, how long it took, "
                + "its exit code (or timeout, running, never ended: its runner died), its artifacts present of "
                + "those declared, and its log. Says who is running it now, if anyone.",
            "--run N shows one run in full: every field, each artifact with its size and SHA-256, and the end of "
                + "its output as recorded."},
        footerHeading = "%nExamples:%n",
        footer = {"  cairn runs CMD-UNIT-TESTS", "  cairn runs CMD-UNIT-TESTS --run 3", "  cairn runs CMD-UNIT-TESTS "
                + "--limit 5 --format json"})
final class RunsCommand extends CliCommand {
    @Parameters(paramLabel = "CMD-ID", description = "The Command.")
    String id;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "At most N runs (default: ${DEFAULT-VALUE}).")
    int limit = 20;

    @Option(names = "--run", paramLabel = "N", description = "Show run N in full.")
    Integer number;

    @Override
    int run() {
        if (limit < 1) {
            throw new UsageException("--limit must be 1 or more");
        }
        if (number != null && number < 1) {
            throw new UsageException("--run must be 1 or more: runs are numbered from 1");
        }
        Node node = cairn().get(id);
        if (node.layer() != Layer.COMMAND) {
            throw new ConflictException(id + " is no Command (its layer is " + node.layer().displayName() + "): only "
                    + "Commands have runs. 'cairn run " + id + " --dry-run' lists the Commands under it.");
        }
        CommandRunner runner = CommandRunner.of(cairn());
        Instant now = cairn().config().clock().instant();
        CommandLease lease = runner.lease(id).orElse(null);
        boolean live = lease != null && !lease.expiredAt(now);
        List<CommandRun> newest = runner.runs(id, number == null ? limit : 1);
        // Only the newest run can be the one a live lease is for: a Command runs once at a time.
        int runningNumber = live && !newest.isEmpty() && !newest.get(0).ended() ? newest.get(0).number() : 0;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("commandId", id);
        data.put("lease", RunShapes.lease(lease, now));
        if (number == null) {
            List<Map<String, Object>> runs = new ArrayList<>(newest.size());
            newest.forEach(run -> runs.add(RunShapes.run(run, run.number() == runningNumber)));
            data.put("runs", runs);
            output().emit(data, out -> {
                printLease(out, lease, now);
                printTable(out, newest, runningNumber);
            });
            return ExitCodes.OK;
        }
        CommandRun run = runner.findRun(id, number).orElseThrow(() -> new NotFoundException(id + " has no run "
                + number + (newest.isEmpty() ? ": it has not run yet." : ": its last is run " + newest.get(0).number()
                + ".") + " 'cairn runs " + id + "' lists them."));
        data.put("run", RunShapes.run(run, run.number() == runningNumber));
        output().emit(data, out -> {
            printLease(out, lease, now);
            printRun(out, run, run.number() == runningNumber);
        });
        return ExitCodes.OK;
    }

    private void printLease(PrintWriter out, CommandLease lease, Instant now) {
        if (lease == null) {
            return;
        }
        if (lease.expiredAt(now)) {
            out.println("A lease of " + lease.holder() + " (since " + lease.acquiredAt() + ") lapsed at "
                    + lease.expiresAt() + ": that runner stopped without ending its run. The next run takes it over.");
        } else {
            out.println(id + " is being run by " + lease.holder() + " (since " + lease.acquiredAt() + ", lease until "
                    + lease.expiresAt() + ").");
        }
    }

    private void printTable(PrintWriter out, List<CommandRun> runs, int runningNumber) {
        if (runs.isEmpty()) {
            out.println(id + " has not run yet. 'cairn run " + id + "' runs it.");
            return;
        }
        Table table = new Table("RUN", "STARTED", "DURATION", "EXIT", "ARTIFACTS", "LOG").alignRight(0, 2, 4);
        for (CommandRun run : runs) {
            table.row(run.number(), run.startedAt(), run.duration().map(RunText::duration).orElse("-"),
                    RunText.exit(run, run.number() == runningNumber), RunText.artifacts(run),
                    run.logPath() == null ? "-" : run.logPath());
        }
        table.print(out);
    }

    private static void printRun(PrintWriter out, CommandRun run, boolean running) {
        out.println(run.commandId() + " run " + run.number() + ": " + (run.passed() ? "pass"
                : run.ended() ? "FAIL, " + RunText.exit(run, running) : RunText.exit(run, running)));
        Table table = new Table("", "").withoutHeader();
        table.row("started", run.startedAt());
        table.row("ended", run.endedAt() == null ? "-" : run.endedAt());
        table.row("duration", run.duration().map(RunText::duration).orElse("-"));
        table.row("exit code", run.exitCode() == null ? "-" : run.exitCode());
        table.row("timed out", run.timedOut() ? "yes" : "no");
        table.row("actor", run.actor() == null ? "-" : run.actor());
        table.row("log", run.logPath() == null ? "-" : run.logPath());
        table.print(out, "  ");
        if (!run.artifacts().isEmpty()) {
            out.println("Artifacts:");
            Table artifacts = new Table("PATH", "PRESENT", "SIZE", "SHA-256").alignRight(2);
            for (ArtifactCheck check : run.artifacts()) {
                artifacts.row(check.path(), check.present() ? "yes" : "MISSING",
                        check.sizeBytes() == null ? "-" : check.sizeBytes() + " B",
                        check.sha256() == null ? "-" : check.sha256());
            }
            artifacts.print(out, "  ");
        }
        if (run.ended()) {
            out.println("Output" + (run.outputTail() != null && run.outputTail().getBytes(
                    StandardCharsets.UTF_8).length >= CommandRun.MAX_TAIL_BYTES - 3
                    ? " (its last 64 KiB; the log has all of it):" : ":"));
            RunText.tail(out, run.outputTail(), Integer.MAX_VALUE, "    ", run.logPath());
        }
    }
}
