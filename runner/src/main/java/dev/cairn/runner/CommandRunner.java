package dev.cairn.runner;

import dev.cairn.core.Cairn;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.Layer;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.Status;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.ValidationException;
import dev.cairn.core.Violation;
import dev.cairn.core.run.CommandLease;
import dev.cairn.core.run.CommandRun;
import dev.cairn.core.spi.RunLog;
import dev.cairn.core.spi.StoreCapability;
import dev.cairn.core.spi.StoreTransaction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs Command nodes, only when asked: one Command, or every Command under a node.
 *
 * <pre>{@code
 * List<RunOutcome> outcomes = CommandRunner.of(cairn)
 *         .baseFolder(Path.of("/srv/project"))
 *         .timeout(Duration.ofMinutes(5))
 *         .moveStatus(true)
 *         .run("AC-ROUND-TRIP");
 * }</pre>
 *
 * <p>Each Command's shell line runs through {@code sh -c} (a line starting with {@code #!} runs with that
 * interpreter, as a script written beside the log) in its workdir (relative to the base folder, which
 * it may not leave), with the caller's environment plus the spec's {@code env}, passed as values and never
 * read by a shell. Its output (stdout and stderr together) goes to {@code results/<CMD-ID>/<run>.log} under
 * the results folder, and its last 64 KiB to the store. A run past its timeout is stopped with every process
 * it started. After each run every declared artifact is checked (present, size, SHA-256) and the run is
 * recorded. With {@link #moveStatus(boolean)}, a passing run (exit code 0, every artifact present) moves the
 * Command to completed and a failing one to blocked, by the ordinary status changes and their events.
 *
 * <p>A lease in the store keeps two runners, in one process or many, from running the same Command at once;
 * a runner that finds it held reports the Command as busy and goes on with the next. A runner that dies
 * (killed, or its JVM shut down) leaves its run without an end and its lease to expire; on Linux a JVM that
 * shuts down stops its command first, but one killed outright (SIGKILL) cannot, and its command runs on.
 *
 * <p>Artifacts are checked as they are when the run ends: a file an earlier run left counts, unless
 * {@link #removeArtifactsFirst(boolean)} deletes the declared files before each run. A cancelled Command runs
 * only when named itself, and a run of it with {@link #moveStatus(boolean)} moves it out of cancelled.
 *
 * <p>Call it outside any {@link Cairn#inTransaction} of the same store: its units of work would join that
 * one, and the lease would not be seen by other runners until it commits.
 *
 * <p>Configure, then call; not thread-safe while configured. {@link #run(String)} may be called from several
 * threads once configured.
 */
public final class CommandRunner {
    /** How long a run may take unless {@link #timeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** How long a lease lasts unless renewed; a runner renews it every third of this while its run goes on. */
    public static final Duration DEFAULT_LEASE_TIME = Duration.ofMinutes(1);

    /** The most bytes of output a run's log keeps unless {@link #maxLogBytes(long)} says otherwise: 100 MiB. */
    public static final long DEFAULT_MAX_LOG_BYTES = 100L * 1024 * 1024;

    private static final Duration LONGEST = Duration.ofDays(366);

    private final Cairn cairn;
    private Path baseFolder = Path.of("").toAbsolutePath();
    private Path resultsFolder;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration leaseTime = DEFAULT_LEASE_TIME;
    private boolean moveStatus;
    private boolean stopAtFirstFailure;
    private boolean removeArtifactsFirst;
    private long maxLogBytes = DEFAULT_MAX_LOG_BYTES;
    private Map<String, String> environment = System.getenv();
    private RunListener listener = new RunListener() {
    };

    private CommandRunner(Cairn cairn) {
        this.cairn = Objects.requireNonNull(cairn, "cairn");
    }

    /**
     * A runner for the Commands of {@code cairn}, with the current folder as base.
     *
     * @param cairn the plan whose Commands it runs and where it records their runs
     * @return a runner with every setting at its default
     */
    public static CommandRunner of(Cairn cairn) {
        return new CommandRunner(cairn);
    }

    /**
     * The folder workdirs and artifact paths are relative to; the current folder by default.
     *
     * @param folder the base folder; made absolute
     * @return this runner
     */
    public CommandRunner baseFolder(Path folder) {
        this.baseFolder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        return this;
    }

    /**
     * The folder logs go to, as {@code <CMD-ID>/<run>.log}; {@code results} in the base folder by default.
     *
     * @param folder the folder for the logs; made absolute
     * @return this runner
     */
    public CommandRunner resultsFolder(Path folder) {
        this.resultsFolder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        return this;
    }

    /**
     * How long each run may take before it is stopped with every process it started; 10 minutes by default.
     *
     * @param limit the time a run may take, more than zero
     * @return this runner
     */
    public CommandRunner timeout(Duration limit) {
        this.timeout = positive(limit, "timeout");
        return this;
    }

    /**
     * How long a lease lasts between renewals; one minute by default. A crashed runner's lease lapses after it.
     *
     * @param time how long a lease lasts, more than zero
     * @return this runner
     */
    public CommandRunner leaseTime(Duration time) {
        this.leaseTime = positive(time, "leaseTime");
        return this;
    }

    /**
     * Whether a passing run moves its Command to completed and a failing one to blocked; off by default.
     *
     * @param move true to move the status after each run
     * @return this runner
     */
    public CommandRunner moveStatus(boolean move) {
        this.moveStatus = move;
        return this;
    }

    /**
     * Whether to leave the remaining Commands once one fails or is busy; off by default (all run).
     *
     * @param stop true to stop at the first Command that fails or is busy
     * @return this runner
     */
    public CommandRunner stopAtFirstFailure(boolean stop) {
        this.stopAtFirstFailure = stop;
        return this;
    }

    /**
     * Whether to delete each declared artifact file before a run, so that only what the run writes is found; off
     * by default. Only regular files at the declared paths, inside the base folder, are deleted.
     *
     * @param remove true to delete the declared artifacts before each run
     * @return this runner
     */
    public CommandRunner removeArtifactsFirst(boolean remove) {
        this.removeArtifactsFirst = remove;
        return this;
    }

    /**
     * The most bytes of a run's output its log keeps, {@value #DEFAULT_MAX_LOG_BYTES} by default: past it, only the
     * last {@value CommandRun#MAX_TAIL_BYTES} bytes are kept, after a line saying how much was left out, so that
     * a runaway command cannot fill the disk. The run's stored tail ends with a line naming the cap.
     *
     * @param bytes the most bytes a log keeps in full
     * @return this runner
     * @throws IllegalArgumentException when it is less than 1
     */
    public CommandRunner maxLogBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxLogBytes must be at least 1: " + bytes);
        }
        this.maxLogBytes = bytes;
        return this;
    }

    /**
     * The environment the spec's variables are added to; this process's by default. A spec's variable of the
     * same name wins.
     *
     * @param variables names and values of the environment variables; copied
     * @return this runner
     * @throws IllegalArgumentException for a name that is empty or holds {@code =} or NUL, or a value with NUL
     */
    public CommandRunner environment(Map<String, String> variables) {
        Objects.requireNonNull(variables, "variables").forEach((name, value) -> {
            if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("Not an environment variable name: '" + name + "'");
            }
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("The value of environment variable " + name + " holds NUL");
            }
        });
        this.environment = Map.copyOf(variables);
        return this;
    }

    /**
     * Whether, on this platform, a run that ends or times out takes every process it started with it, those
     * in the background and those whose parent has exited included (Linux, with {@code setsid} and
     * {@code /proc}). Elsewhere only the processes still below the shell are stopped.
     *
     * @return whether runs stop every process they started, on this platform
     */
    public static boolean stopsEveryProcess() {
        return ProcessTree.stopsWholeSessions();
    }

    /**
     * Hears each run start and end.
     *
     * @param runListener told of each run as it starts and ends
     * @return this runner
     */
    public CommandRunner listener(RunListener runListener) {
        this.listener = Objects.requireNonNull(runListener, "runListener");
        return this;
    }

    /**
     * What {@link #run(String)} would run for {@code id}, running nothing: the node itself when it is a Command,
     * else every Command below it that is not cancelled, sorted by id.
     *
     * @param id a Command, or a node with Commands below it
     * @return what would run, one entry a Command, in the order it would run
     * @throws NoSuchNodeException when there is no node {@code id}
     * @throws ValidationException naming every Command that cannot run: no spec, an empty shell line, a workdir
     *                             or artifact path outside the base folder
     */
    public List<PlannedRun> plan(String id) {
        return cairn.store().read(tx -> {
            List<PlannedRun> plans = new ArrayList<>();
            List<Violation> problems = new ArrayList<>();
            for (Node command : commands(tx, id)) {
                PlannedRun plan = plan(command, nextNumber(tx, command.id()), problems);
                if (plan != null) {
                    plans.add(plan);
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            return plans;
        });
    }

    /**
     * Runs {@code id}'s Commands (see {@link #plan}) one after another and records each run. Checks them all
     * first: when one cannot run, none runs. A Command another runner holds is not run; its outcome says who
     * holds it. An interrupt stops the current run, records it, and leaves the rest.
     *
     * @param id a Command, or a node with Commands below it
     * @return an outcome per Command, in the order run
     * @throws NoSuchNodeException when there is no node {@code id}
     * @throws ValidationException when a Command cannot run; nothing ran
     */
    public List<RunOutcome> run(String id) {
        return run(plan(id));
    }

    /**
     * Runs the Commands of {@code plans}, as {@link #plan} gave them (shown to someone first, say), one after
     * another; as {@link #run(String)} does after planning. Each Command is read again when its turn comes: one
     * deleted or changed so that it cannot run since it was planned is reported as not run.
     *
     * @param plans what {@link #plan} returned
     * @return an outcome per Command, in the order run
     */
    public List<RunOutcome> run(List<PlannedRun> plans) {
        Objects.requireNonNull(plans, "plans");
        List<RunOutcome> outcomes = new ArrayList<>();
        for (PlannedRun plan : plans) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            RunOutcome outcome = new SingleRun(this, plan.commandId()).run();
            outcomes.add(outcome);
            listener.finished(outcome);
            if (Thread.currentThread().isInterrupted() || (stopAtFirstFailure && !outcome.passed())) {
                break;
            }
        }
        return outcomes;
    }

    /**
     * Up to {@code limit} runs of Command {@code commandId}, newest first.
     *
     * @param commandId the Command's id
     * @param limit the most runs to return, at least 1
     * @return its runs, newest first
     * @throws IllegalArgumentException when {@code limit} is less than 1
     * @throws NoSuchNodeException when there is no node {@code commandId}
     */
    public List<CommandRun> runs(String commandId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return cairn.store().read(tx -> {
            requireNode(tx, commandId);
            return runLog(tx).runs(commandId, limit);
        });
    }

    /**
     * Run {@code number} of Command {@code commandId}; empty when it has no such run.
     *
     * @param commandId the Command's id
     * @param number the run's number, counted from 1
     * @return that run, or empty
     * @throws NoSuchNodeException when there is no node {@code commandId}
     */
    public Optional<CommandRun> findRun(String commandId, int number) {
        return cairn.store().read(tx -> {
            requireNode(tx, commandId);
            return runLog(tx).run(commandId, number);
        });
    }

    /**
     * The lease on Command {@code commandId}, live or expired: who runs it now, or ran it last and died.
     *
     * @param commandId the Command's id
     * @return its lease, or empty when it was never run
     * @throws NoSuchNodeException when there is no node {@code commandId}
     */
    public Optional<CommandLease> lease(String commandId) {
        return cairn.store().read(tx -> {
            requireNode(tx, commandId);
            return runLog(tx).lease(commandId);
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // For SingleRun.

    Cairn cairn() {
        return cairn;
    }

    Path baseFolder() {
        return baseFolder;
    }

    Duration timeout() {
        return timeout;
    }

    Duration leaseTime() {
        return leaseTime;
    }

    long maxLogBytes() {
        return maxLogBytes;
    }

    boolean removesArtifactsFirst() {
        return removeArtifactsFirst;
    }

    boolean movesStatus() {
        return moveStatus;
    }

    Map<String, String> environment() {
        return environment;
    }

    RunListener listener() {
        return listener;
    }

    Instant now() {
        return cairn.config().clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The log of run {@code number} of {@code commandId}. */
    Path log(String commandId, int number) {
        Path results = resultsFolder != null ? resultsFolder : baseFolder.resolve("results");
        return results.resolve(commandId).resolve(number + ".log");
    }

    /** {@code file} as the store keeps it: relative to the base folder, with {@code /}, when inside it. */
    String stored(Path file) {
        Path shown = file.startsWith(baseFolder) ? baseFolder.relativize(file) : file;
        return shown.toString().replace(java.io.File.separatorChar, '/');
    }

    /** The plan of {@code command} as run {@code number}, or null after adding why it cannot run to {@code problems}. */
    PlannedRun plan(Node command, int number, List<Violation> problems) {
        String id = command.id();
        CommandSpec spec = command.command();
        if (spec == null) {
            problems.add(Violation.of(id + ".command", null, "a Command needs a command spec with run.shell to run"));
            return null;
        }
        int found = problems.size();
        if (spec.run().shell().isBlank()) {
            problems.add(Violation.of(id + ".command.run.shell", spec.run().shell(), "is empty: there is nothing to run"));
        }
        String workdirText = spec.run().workdir() == null || spec.run().workdir().isBlank() ? "." : spec.run().workdir();
        Path workdir = RunFiles.inside(baseFolder, workdirText);
        if (workdir == null) {
            problems.add(Violation.of(id + ".command.run.workdir", workdirText,
                    "must be a relative folder inside the base folder " + baseFolder
                            + ", not through a link that leads out of it"));
        }
        LinkedHashSet<String> artifacts = new LinkedHashSet<>();
        for (String artifact : spec.artifacts()) {
            if (RunFiles.inside(baseFolder, artifact) == null) {
                problems.add(Violation.of(id + ".command.artifacts", artifact,
                        "must be a relative path inside the base folder " + baseFolder
                                + ", not through a link that leads out of it"));
            }
            artifacts.add(artifact);
        }
        if (problems.size() > found) {
            return null;
        }
        return new PlannedRun(id, command.title(), spec.run().shell(), workdir, spec.run().env(),
                List.copyOf(artifacts), log(id, number));
    }

    /**
     * The runs and leases of {@code tx}'s store.
     *
     * @throws StoreConfigurationException naming the store, when it keeps no runs
     */
    RunLog runLog(StoreTransaction tx) {
        return tx.runLog().orElseThrow(() -> new StoreConfigurationException("The " + cairn.backend() + " store "
                + cairn.config().maskedUrl() + " (" + cairn.store().getClass().getName() + ") keeps no Command "
                + "runs: its transactions give no RunLog and it does not declare StoreCapability."
                + StoreCapability.COMMAND_RUNS + ". Run Commands on a store that keeps them, such as sqlite: "
                + "(dev.cairn:cairn-store-sqlite), or implement StoreTransaction.runLog() in this one."));
    }

    static Node requireNode(StoreTransaction tx, String id) {
        Objects.requireNonNull(id, "id");
        return tx.node(id).orElseThrow(() -> new NoSuchNodeException("No node " + id + "."));
    }

    private static List<Node> commands(StoreTransaction tx, String id) {
        Node node = requireNode(tx, id);
        if (node.layer() == Layer.COMMAND) {
            return List.of(node);
        }
        return tx.descendants(id).stream()
                .filter(below -> below.layer() == Layer.COMMAND && below.status() != Status.CANCELLED)
                .sorted(Comparator.comparing(Node::id))
                .toList();
    }

    private int nextNumber(StoreTransaction tx, String commandId) {
        List<CommandRun> last = runLog(tx).runs(commandId, 1);
        return last.isEmpty() ? 1 : last.get(0).number() + 1;
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.compareTo(Duration.ofMillis(1)) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(name + " must be between 1 ms and 366 days: " + duration);
        }
        return duration;
    }
}
