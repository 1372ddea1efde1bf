package dev.cairn.core.run;

import dev.cairn.core.CairnException;
import dev.cairn.core.Node;
import dev.cairn.core.PlanGraph;
import dev.cairn.core.Status;
import dev.cairn.core.ValidationException;
import dev.cairn.core.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of one Command, from taking its lease to recording its end. Not thread-safe: one per run.
 *
 * <p>Three short units of work, none held while the process runs: the lease and the run's start; renewals of
 * the lease; the run's end, the status moves and the lease's release.
 */
final class SingleRun {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PROCESS = hostName() + "/" + ProcessHandle.current().pid();
    private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cairn-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    private final CommandRunner runner;
    private final String commandId;
    private final String holder;
    private final AtomicReference<String> leaseTrouble = new AtomicReference<>();

    SingleRun(CommandRunner runner, String commandId) {
        this.runner = runner;
        this.commandId = commandId;
        this.holder = PROCESS + "/" + HexFormat.of().formatHex(randomBytes());
    }

    /** What the start found: the plan and run to go on with, or the lease that refused it. */
    private record Start(PlannedRun plan, int number, CommandLease heldBy, Status status) {
    }

    /** How the process ended. */
    private record Ending(Integer exitCode, boolean timedOut, String failure) {
    }

    RunOutcome run() {
        Instant startedAt = runner.now();
        Start start = runner.cairn().store().write(tx -> {
            Node node = CommandRunner.requireNode(tx, commandId);
            CommandLease lease = new CommandLease(commandId, holder, startedAt, startedAt.plus(runner.leaseTime()));
            if (!tx.acquireLease(lease)) {
                return new Start(null, 0, tx.lease(commandId).orElse(null), node.status());
            }
            int number = tx.startRun(commandId, startedAt, runner.cairn().config().actor());
            List<Violation> problems = new ArrayList<>();
            PlannedRun plan = runner.plan(node, number, problems);
            if (plan == null) {
                throw new ValidationException(problems); // changed since planned; the lease and start roll back
            }
            return new Start(plan, number, null, node.status());
        });
        if (start.plan() == null) {
            String note = start.heldBy() == null ? "another runner held it" : new CommandBusyException(start.heldBy()).getMessage();
            return new RunOutcome(commandId, null, start.status(), start.status(), note);
        }
        runner.listener().starting(start.plan(), start.number());
        CommandRun started = CommandRun.started(commandId, start.number(), startedAt, runner.cairn().config().actor());
        Ending ending = execute(start.plan());
        List<ArtifactCheck> checks = new ArrayList<>();
        for (String artifact : start.plan().artifacts()) {
            checks.add(RunFiles.check(artifact, runner.baseFolder().resolve(artifact).normalize()));
        }
        Path log = start.plan().log();
        String tail;
        try {
            tail = RunFiles.tail(log);
        } catch (IOException unreadable) {
            tail = "cairn: could not read the log " + log + ": " + unreadable.getMessage();
        }
        Instant endedAt = runner.now();
        CommandRun finished = started.end(endedAt.isBefore(startedAt) ? startedAt : endedAt, ending.exitCode(),
                ending.timedOut(), tail, Files.exists(log) ? runner.stored(log) : null, checks);
        return record(finished, ending);
    }

    private Ending execute(PlannedRun plan) {
        Path log = plan.log();
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            Files.createFile(log);
        } catch (IOException | RuntimeException noLog) {
            return new Ending(null, false, "could not write its log " + log + ": " + noLog);
        }
        Map<String, String> environment = new HashMap<>(runner.environment());
        environment.putAll(plan.env());
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(ProcessTree.command(plan.shell()))
                    .directory(plan.workdir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().clear();
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException | RuntimeException cannotStart) {
            String failure = "could not start in " + plan.workdir() + ": " + cannotStart.getMessage();
            appendQuietly(log, "cairn: " + failure + "\n");
            return new Ending(null, false, failure);
        }
        Thread hook = new Thread(() -> stopQuietly(process), "cairn-run-stop-" + commandId);
        boolean hooked = addShutdownHook(hook);
        ScheduledFuture<?> renewal = scheduleRenewal();
        try {
            process.getOutputStream().close(); // the command reads no input: it sees end of file at once
            if (process.waitFor(runner.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.stopLeftovers(process);
                return new Ending(process.exitValue(), false, null);
            }
            ProcessTree.stop(process);
            appendQuietly(log, "\ncairn: stopped after the timeout of " + runner.timeout() + "\n");
            return new Ending(null, true, null);
        } catch (InterruptedException interrupted) {
            stopQuietly(process);
            appendQuietly(log, "\ncairn: stopped: the runner was interrupted\n");
            Thread.currentThread().interrupt();
            return new Ending(null, false, "interrupted");
        } catch (IOException closing) {
            stopQuietly(process);
            return new Ending(null, false, "could not close its input: " + closing.getMessage());
        } finally {
            renewal.cancel(false);
            if (hooked) {
                removeShutdownHook(hook);
            }
        }
    }

    private RunOutcome record(CommandRun finished, Ending ending) {
        return runner.cairn().store().write(tx -> {
            boolean kept = tx.finishRun(finished);
            tx.releaseLease(commandId, holder);
            List<String> notes = new ArrayList<>();
            if (ending.failure() != null) {
                notes.add(ending.failure());
            }
            if (leaseTrouble.get() != null) {
                notes.add(leaseTrouble.get());
            }
            if (!kept) {
                notes.add("its Command was deleted while it ran; the run is not recorded");
                return new RunOutcome(commandId, finished, null, null, String.join("; ", notes));
            }
            Status before = tx.node(commandId).map(Node::status).orElse(null);
            Status after = before;
            if (runner.movesStatus() && before != null) {
                try {
                    after = runner.cairn().inTransaction(graph -> move(graph, finished.passed()));
                } catch (CairnException refused) {
                    notes.add("status left " + before.wireName() + ": " + refused.getMessage());
                }
            }
            return new RunOutcome(commandId, finished, before, after, String.join("; ", notes));
        });
    }

    /**
     * Moves the Command to completed (passed) or blocked (failed) by ordinary status changes, each with its
     * event: through in progress where the rules ask for it, reopening a completed Command that failed.
     */
    private Status move(PlanGraph graph, boolean passed) {
        Status target = passed ? Status.COMPLETED : Status.BLOCKED;
        Status status = graph.get(commandId).status();
        if (status == target) {
            return status;
        }
        if (status == Status.COMPLETED) {
            status = graph.reopen(commandId).status();
        }
        if (!status.canMoveTo(target)) {
            status = graph.setStatus(commandId, Status.IN_PROGRESS).status();
        }
        return graph.setStatus(commandId, target).status();
    }

    private ScheduledFuture<?> scheduleRenewal() {
        long every = Math.max(1, runner.leaseTime().toMillis() / 3);
        return RENEWALS.scheduleAtFixedRate(() -> {
            try {
                Instant until = runner.now().plus(runner.leaseTime());
                if (!runner.cairn().store().write(tx -> tx.renewLease(commandId, holder, until))) {
                    leaseTrouble.compareAndSet(null, "its lease lapsed while it ran and another runner could take it");
                }
            } catch (RuntimeException failed) {
                leaseTrouble.compareAndSet(null, "its lease could not be renewed: " + failed.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private static void stopQuietly(Process process) {
        try {
            ProcessTree.stop(process);
        } catch (InterruptedException interrupted) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void appendQuietly(Path log, String text) {
        try {
            Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // The log is the run's own; the run is recorded whether or not this line reaches it.
        }
    }

    private static boolean addShutdownHook(Thread hook) {
        try {
            // A runner stopped by Ctrl-C or SIGTERM stops its command too: in a session of its own, the
            // command would not get the terminal's signal.
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs or has run; nothing to undo.
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException | SecurityException unknown) {
                name = "localhost";
            }
        }
        return name;
    }
}
