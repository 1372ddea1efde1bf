package dev.cairn.runner;

import dev.cairn.core.CairnException;
import dev.cairn.core.Node;
import dev.cairn.core.PlanGraph;
import dev.cairn.core.Status;
import dev.cairn.core.StoreException;
import dev.cairn.core.ValidationException;
import dev.cairn.core.Violation;
import dev.cairn.core.run.ArtifactCheck;
import dev.cairn.core.run.CommandLease;
import dev.cairn.core.run.CommandRun;
import dev.cairn.core.spi.RunLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one Command, from taking its lease to recording its end. Not thread-safe: one per run.
 *
 * <p>Three kinds of short units of work, none held while the process runs: the lease and the run's start;
 * renewals of the lease, until the end is recorded; the run's end, the status moves and the lease's release.
 * Once the start is recorded, the end is recorded whatever happens on the way (a listener that throws, an
 * interrupt, the JVM shutting down), as far as the store can still be reached.
 */
final class SingleRun {
    private static final Logger LOG = LoggerFactory.getLogger(SingleRun.class);
    /** How long the output may go on after the command's processes are stopped: a process that escaped them. */
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(2);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PROCESS = hostName() + "/" + ProcessHandle.current().pid();
    private static final ScheduledExecutorService RENEWALS = Executors.newScheduledThreadPool(1, task -> {
        Thread thread = new Thread(task, "cairn-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    private final CommandRunner runner;
    private final String commandId;
    private final String holder;
    private final AtomicReference<String> leaseTrouble = new AtomicReference<>();
    private final AtomicBoolean recorded = new AtomicBoolean();

    SingleRun(CommandRunner runner, String commandId) {
        this.runner = runner;
        this.commandId = commandId;
        this.holder = PROCESS + "/" + HexFormat.of().formatHex(randomBytes());
    }

    /** What the start found: the plan and run to go on with, or the lease that refused it. */
    private record Start(PlannedRun plan, CommandRun run, CommandLease heldBy, Status status) {
    }

    /** How the process ended; {@code ran} false when it did not end by itself or by its timeout. */
    private record Ending(Integer exitCode, boolean timedOut, boolean ran, String failure, Path log) {
        static Ending notRun(String failure) {
            return new Ending(null, false, false, failure, null);
        }
    }

    RunOutcome run() {
        Start start;
        try {
            start = start();
        } catch (CairnException changed) {
            // Deleted, or changed so that it cannot run, since it was planned: the others still run.
            return new RunOutcome(commandId, null, null, null, null, "not run: " + changed.getMessage());
        }
        if (start.plan() == null) {
            return new RunOutcome(commandId, null, start.status(), start.status(), start.heldBy(),
                    busyNote(start.heldBy()));
        }
        ScheduledFuture<?> renewal = scheduleRenewal();
        boolean interrupted = false;
        try {
            Ending ending;
            try {
                runner.listener().starting(start.plan(), start.run().number());
                ending = execute(start.plan());
            } catch (RuntimeException | Error failure) {
                recordQuietly(start, Ending.notRun("the runner failed: " + failure));
                throw failure;
            }
            // The checks and the record are the runner's own work: an interrupt waits until they are done.
            interrupted = Thread.interrupted();
            return record(start, ending);
        } finally {
            renewal.cancel(false);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Start start() {
        return runner.cairn().store().write(tx -> {
            // Times from inside the unit of work: a write that waited for the store's lock does not begin with a
            // lease that has nearly run out.
            Instant startedAt = runner.now();
            Node node = CommandRunner.requireNode(tx, commandId);
            CommandLease lease = new CommandLease(commandId, holder, startedAt, startedAt.plus(runner.leaseTime()));
            RunLog runs = runner.runLog(tx);
            if (!runs.acquireLease(lease)) {
                return new Start(null, null, runs.lease(commandId).orElse(null), node.status());
            }
            String actor = runner.cairn().config().actor();
            int number = runs.startRun(commandId, startedAt, actor);
            List<Violation> problems = new ArrayList<>();
            PlannedRun plan = runner.plan(node, number, problems);
            if (plan == null) {
                throw new ValidationException(problems); // the lease and the start roll back
            }
            return new Start(plan, CommandRun.started(commandId, number, startedAt, actor), null, node.status());
        });
    }

    private static String busyNote(CommandLease lease) {
        if (lease == null) {
            return "another runner held it, and has released it since";
        }
        return lease.commandId() + " is being run by " + lease.holder() + " (since " + lease.acquiredAt()
                + ", lease until " + lease.expiresAt() + "); a lease left by a runner that died expires by itself";
    }

    private Ending execute(PlannedRun plan) {
        if (Thread.currentThread().isInterrupted()) {
            return Ending.notRun("not started: the runner was interrupted");
        }
        if (RunFiles.inside(runner.baseFolder(), runner.baseFolder().relativize(plan.workdir()).toString()) == null) {
            return Ending.notRun("its workdir " + plan.workdir() + " now leads outside the base folder "
                    + runner.baseFolder() + " through a link");
        }
        if (runner.removesArtifactsFirst()) {
            for (String artifact : plan.artifacts()) {
                Path file = RunFiles.inside(runner.baseFolder(), artifact);
                if (file == null) {
                    return Ending.notRun("the artifact " + artifact + " now leads outside the base folder "
                            + runner.baseFolder() + " through a link: nothing was removed");
                }
                try {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(file);
                    }
                } catch (IOException cannotRemove) {
                    return Ending.notRun("could not remove the artifact " + artifact + " before the run: " + cannotRemove);
                }
            }
        }
        Path log;
        try {
            log = createLog(plan.log());
        } catch (IOException | RuntimeException noLog) {
            return Ending.notRun("could not write its log " + plan.log() + ": " + noLog);
        }
        Map<String, String> environment = new HashMap<>(runner.environment());
        environment.putAll(plan.env());
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(ProcessTree.command(Scripts.line(plan.shell(), log)))
                    .directory(plan.workdir().toFile())
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(environment);
            process = builder.start();
            // The shell text is not logged: it may carry a token.
            LOG.debug("Started {} in {} (pid {}), log {}", commandId, plan.workdir(), process.pid(), log);
        } catch (IOException | RuntimeException cannotStart) {
            String failure = "could not start in " + plan.workdir() + ": " + cannotStart.getMessage();
            appendQuietly(log, "cairn: " + failure + "\n");
            return new Ending(null, false, false, failure, log);
        }
        // Through the runner, not straight to the file: past the cap only the output's end is kept.
        LogPump pump = LogPump.start(process.getInputStream(), log, runner.maxLogBytes(), commandId);
        Thread hook = new Thread(() -> stopAtShutdown(process, log), "cairn-run-stop-" + commandId);
        boolean hooked = addShutdownHook(hook);
        try {
            process.getOutputStream().close(); // the command reads no input: it sees end of file at once
            if (process.waitFor(runner.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.stopLeftovers(process);
                pump.finish(OUTPUT_DRAIN);
                return new Ending(process.exitValue(), false, true, null, log);
            }
            ProcessTree.stop(process);
            pump.finish(OUTPUT_DRAIN);
            appendQuietly(log, "\ncairn: stopped at its timeout of " + runner.timeout().toMillis() / 1000.0 + " s\n");
            return new Ending(null, true, true, null, log);
        } catch (InterruptedException interrupted) {
            stopQuietly(process);
            appendQuietly(log, "\ncairn: stopped: the runner was interrupted\n");
            Thread.currentThread().interrupt();
            return new Ending(null, false, false, "stopped: the runner was interrupted", log);
        } catch (IOException closing) {
            stopQuietly(process);
            return new Ending(null, false, false, "could not close its input: " + closing.getMessage(), log);
        } finally {
            if (hooked) {
                removeShutdownHook(hook);
            }
        }
    }

    /**
     * Makes the run's log, new: {@code N.log}, or {@code N-2.log} and on when that exists (a Command made again
     * under the same id, a copied store, another store on the same base folder): a run never overwrites a log.
     */
    private static Path createLog(Path wanted) throws IOException {
        Files.createDirectories(wanted.getParent());
        String name = wanted.getFileName().toString();
        String stem = name.substring(0, name.length() - ".log".length());
        for (int attempt = 1; ; attempt++) {
            Path candidate = attempt == 1 ? wanted : wanted.resolveSibling(stem + "-" + attempt + ".log");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= 1000) {
                    throw taken;
                }
            }
        }
    }

    private RunOutcome record(Start start, Ending ending) {
        List<ArtifactCheck> checks = new ArrayList<>();
        Path log = ending.log();
        for (String artifact : start.plan().artifacts()) {
            Path file = RunFiles.inside(runner.baseFolder(), artifact);
            if (file == null) {
                // Made a link out of the base folder while it ran: what is there is not this run's to vouch for.
                checks.add(ArtifactCheck.missing(artifact));
                if (log != null) {
                    appendQuietly(log, "\ncairn: the artifact " + artifact + " leads outside the base folder through"
                            + " a link; it was not read\n");
                }
            } else {
                checks.add(RunFiles.check(artifact, file));
            }
        }
        String tail;
        try {
            tail = RunFiles.tail(log);
        } catch (IOException unreadable) {
            tail = "cairn: could not read the log " + log + ": " + unreadable.getMessage();
        }
        CommandRun started = start.run();
        Instant endedAt = runner.now();
        CommandRun finished = started.end(endedAt.isBefore(started.startedAt()) ? started.startedAt() : endedAt,
                ending.exitCode(), ending.timedOut(), tail, log == null ? null : runner.stored(log), checks);
        LOG.info("Run {} of {} ended: {} after {} ms", finished.number(), commandId,
                finished.exitCode() != null ? "exit code " + finished.exitCode()
                        : finished.timedOut() ? "timed out" : "not run (" + ending.failure() + ")",
                Duration.between(finished.startedAt(), finished.endedAt()).toMillis());
        try {
            return write(finished, ending);
        } catch (RuntimeException firstFailure) {
            try {
                Thread.sleep(250);
                return write(finished, ending);
            } catch (RuntimeException | InterruptedException secondFailure) {
                throw new StoreException("Run " + finished.number() + " of " + commandId + " ended ("
                        + (finished.exitCode() != null ? "exit code " + finished.exitCode()
                        : finished.timedOut() ? "timed out" : "no exit code") + ", log "
                        + finished.logPath() + ") but could not be recorded: " + firstFailure.getMessage()
                        + ". The store keeps it as never ended; its lease expires by itself.", firstFailure);
            }
        }
    }

    private RunOutcome write(CommandRun finished, Ending ending) {
        return runner.cairn().store().write(tx -> {
            RunLog runs = runner.runLog(tx);
            boolean kept = runs.finishRun(finished);
            runs.releaseLease(commandId, holder);
            recorded.set(true);
            List<String> notes = new ArrayList<>();
            if (ending.failure() != null) {
                notes.add(ending.failure());
            }
            if (leaseTrouble.get() != null) {
                notes.add(leaseTrouble.get());
            }
            if (!kept) {
                notes.add("its Command was deleted while it ran, or its end was recorded already");
                return new RunOutcome(commandId, finished, null, null, null, String.join("; ", notes));
            }
            Status before = tx.node(commandId).map(Node::status).orElse(null);
            Status after = before;
            if (runner.movesStatus() && before != null) {
                if (!ending.ran()) {
                    // The runner failed, not the Command: its status says nothing new.
                    notes.add("status left " + before.wireName() + ": the command did not run to its end");
                } else {
                    try {
                        after = runner.cairn().inTransaction(graph -> move(graph, finished.passed()));
                    } catch (CairnException refused) {
                        notes.add("status left " + before.wireName() + ": " + refused.getMessage());
                    }
                }
            }
            return new RunOutcome(commandId, finished, before, after, null, String.join("; ", notes));
        });
    }

    /** Records the end of a run the runner could not see through, for the store not to keep it running. */
    private void recordQuietly(Start start, Ending ending) {
        if (recorded.get()) {
            return;
        }
        try {
            record(start, ending);
        } catch (RuntimeException unrecorded) {
            // The run stays without an end, which is what the store can say of it; the lease expires.
        }
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
                if (!recorded.get() && !runner.cairn().store()
                        .write(tx -> runner.runLog(tx).renewLease(commandId, holder, until))) {
                    leaseTrouble.compareAndSet(null, "its lease lapsed while it ran, and another runner could take it");
                }
            } catch (RuntimeException failed) {
                leaseTrouble.compareAndSet(null, "its lease could not be renewed: " + failed.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Ctrl-C or SIGTERM of the runner: stops the command, which sits in a session of its own and gets no signal
     * from the terminal, and marks the log. The run stays without an end in the store (the JVM is going; a
     * store write now could hang it) and its lease expires.
     */
    private static void stopAtShutdown(Process process, Path log) {
        if (process.isAlive()) {
            stopQuietly(process);
            appendQuietly(log, "\ncairn: stopped: the runner was shut down\n");
        }
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
