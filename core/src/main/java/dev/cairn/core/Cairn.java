package dev.cairn.core;

import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plan kept in a store: the entry point of Cairn.
 *
 * <pre>{@code
 * try (Cairn cairn = Cairn.open("sqlite:plan.db")) {
 *     Node goal = cairn.create(NodeDraft.of(Layer.GOAL, "Ship 1.0"));
 *     Node task = cairn.create(NodeDraft.of(Layer.TASK, "Write the parser").owner("ana").parents(goal.id()));
 *     cairn.useTransaction(tx -> { tx.setStatus(task.id(), Status.IN_PROGRESS); tx.label(task.id(), "parser"); });
 * }
 * }</pre>
 *
 * <p>Thread-safe: one instance serves a whole application. Each method is one transaction; a write that
 * meets a concurrent change to the same node is redone from a fresh read, unless the caller named the
 * version it expected.
 */
public final class Cairn implements PlanGraph, AutoCloseable {
    private static final int MAX_RETRIES = 50;
    private static final Logger LOG = LoggerFactory.getLogger(Cairn.class);

    private final CairnConfig config;
    private final Store store;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Cairn(CairnConfig config, Store store) {
        this.config = config;
        this.store = store;
    }

    /**
     * Opens the store at {@code url}, such as {@code memory:}, {@code sqlite:plan.db},
     * {@code postgresql://host/db} or {@code h2:mem:plan}.
     *
     * @param url the store's URL
     * @return the open store, for the caller to close
     * @throws StoreConfigurationException when no provider serves the URL's scheme, naming those there are
     */
    public static Cairn open(String url) {
        return open(CairnConfig.of(url));
    }

    /**
     * Opens the store a configuration names.
     *
     * @param config the store's URL and settings
     * @return the open store, for the caller to close
     */
    public static Cairn open(CairnConfig config) {
        Objects.requireNonNull(config, "config");
        StoreProvider provider = StoreProviders.select(config);
        long started = System.nanoTime();
        Store store = provider.open(config);
        if (store == null) {
            throw new StoreConfigurationException(provider.getClass().getName() + " returned no store for "
                    + config.maskedUrl() + ".");
        }
        LOG.info("Opened the {} store {} in {} ms", store.backend(), config.maskedUrl(),
                (System.nanoTime() - started) / 1_000_000);
        return new Cairn(config, store);
    }

    /**
     * Opens the store a {@code .properties} or {@code .yaml} file names; see {@link CairnConfig#fromFile}.
     *
     * @param configurationFile the path of the file
     * @return the open store, for the caller to close
     */
    public static Cairn open(Path configurationFile) {
        return open(CairnConfig.fromFile(configurationFile));
    }

    /**
     * Opens the store the {@value CairnConfig#URL_VARIABLE} environment variable names.
     *
     * @return the open store, for the caller to close
     */
    public static Cairn openFromEnvironment() {
        return open(CairnConfig.fromEnvironment());
    }

    /**
     * Wraps a store opened by other means, such as a test's.
     *
     * @param store  an open store; closing the result closes it
     * @param config the settings to use with it, such as the actor and the clock
     * @return a facade over {@code store}
     */
    public static Cairn over(Store store, CairnConfig config) {
        return new Cairn(Objects.requireNonNull(config, "config"), Objects.requireNonNull(store, "store"));
    }

    /** {@return the configuration this store was opened with} */
    public CairnConfig config() {
        return config;
    }

    /** {@return the backend's short name, such as {@code memory}} */
    public String backend() {
        return store.backend();
    }

    /**
     * Checks the store: one round trip, timed, and what the backend runs (server version, the schema version
     * of each migration module). Never throws for a store that does not answer: the result says so, with the
     * reason, for a health endpoint to report.
     *
     * @return the backend, URL, round-trip time and versions, or why the store did not answer
     */
    public Health health() {
        String url = config.maskedUrl();
        long started = System.nanoTime();
        try {
            store.ping();
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            return new Health(store.backend(), url, true, store.serverVersion(), store.schemaVersions(), latency, "");
        } catch (RuntimeException failure) {
            // Whatever a store throws, a health check reports it rather than failing itself.
            return new Health(store.backend(), url, false, "", Map.of(), Duration.ZERO, String.valueOf(failure.getMessage()));
        }
    }

    /** {@return the store underneath, for tools that work below the rules (import, copy, doctor)} */
    public Store store() {
        return store;
    }

    /**
     * Runs several changes as one: all are kept when {@code work} returns, none when it throws. A
     * concurrent change to a node the work updates fails it with {@link VersionConflictException} rather
     * than redoing it. A SQL store whose connection is lost while the work runs (a server restart) runs the work
     * once more on a new connection, since nothing of it was committed: keep side effects outside the store
     * out of {@code work}, or make them safe to repeat.
     *
     * @param <T>  the type of what the work returns
     * @param work the changes, made through the graph it is given
     * @return what {@code work} returned
     */
    public <T> T inTransaction(Function<PlanGraph, T> work) {
        Objects.requireNonNull(work, "work");
        return store.write(tx -> work.apply(new BoundGraph(tx, config.clock(), config.actor(), false, store)));
    }

    /**
     * Like {@link #inTransaction(Function)}, for work that returns nothing (jdbi's naming).
     *
     * @param work the changes, made through the graph it is given
     */
    public void useTransaction(Consumer<PlanGraph> work) {
        Objects.requireNonNull(work, "work");
        inTransaction(graph -> {
            work.accept(graph);
            return null;
        });
    }

    @Override
    public Node create(NodeDraft draft) {
        return write(graph -> graph.create(draft));
    }

    @Override
    public Node get(String id) {
        return read(graph -> graph.get(id));
    }

    /**
     * {@inheritDoc}
     *
     * <p>One transaction of its own, or, called inside {@link #inTransaction}, part of that one. Never
     * redone: {@code work} runs once, so it may consume a stream.
     */
    @Override
    public BatchResult batch(Consumer<Batch> work) {
        Objects.requireNonNull(work, "work");
        requireOpen();
        // A batch inside a write of this store joins it under the store's own savepoint.
        return store.write(tx -> BoundBatch.run(new BoundGraph(tx, config.clock(), config.actor(), false, null), tx,
                work));
    }

    @Override
    public Optional<Node> findById(String id) {
        return read(graph -> graph.findById(id));
    }

    @Override
    public List<Node> find(NodeQuery query) {
        return read(graph -> graph.find(query));
    }

    @Override
    public long count(NodeQuery query) {
        return read(graph -> graph.count(query));
    }

    @Override
    public Node update(String id, NodePatch patch) {
        return write(graph -> graph.update(id, patch));
    }

    @Override
    public Node setStatus(String id, Status status) {
        return write(graph -> graph.setStatus(id, status));
    }

    @Override
    public Node reopen(String id) {
        return write(graph -> graph.reopen(id));
    }

    @Override
    public Node setProgress(String id, int progress) {
        return write(graph -> graph.setProgress(id, progress));
    }

    @Override
    public void link(String parentId, String childId) {
        write(graph -> {
            graph.link(parentId, childId);
            return null;
        });
    }

    @Override
    public void unlink(String parentId, String childId) {
        write(graph -> {
            graph.unlink(parentId, childId);
            return null;
        });
    }

    @Override
    public Node label(String id, String... names) {
        return write(graph -> graph.label(id, names));
    }

    @Override
    public Node unlabel(String id, String... names) {
        return write(graph -> graph.unlabel(id, names));
    }

    @Override
    public Label defineLabel(String name, String description) {
        return write(graph -> graph.defineLabel(name, description));
    }

    @Override
    public List<Label> labels() {
        return read(PlanGraph::labels);
    }

    @Override
    public List<String> delete(String id, DeleteMode mode) {
        return write(graph -> graph.delete(id, mode));
    }

    @Override
    public List<Node> children(String id) {
        return read(graph -> graph.children(id));
    }

    @Override
    public List<Node> parents(String id) {
        return read(graph -> graph.parents(id));
    }

    @Override
    public List<Node> descendants(String id) {
        return read(graph -> graph.descendants(id));
    }

    @Override
    public List<Node> ancestors(String id) {
        return read(graph -> graph.ancestors(id));
    }

    @Override
    public List<Node> roots() {
        return read(PlanGraph::roots);
    }

    @Override
    public List<Node> orphans() {
        return read(PlanGraph::orphans);
    }

    @Override
    public List<Link> links() {
        return read(PlanGraph::links);
    }

    @Override
    public List<StatusCount> countByLayerAndStatus() {
        return read(PlanGraph::countByLayerAndStatus);
    }

    @Override
    public double rolledUpProgress(String id) {
        return read(graph -> graph.rolledUpProgress(id));
    }

    @Override
    public PlanTree tree(String id) {
        return read(graph -> graph.tree(id));
    }

    @Override
    public List<PlanTree> forest() {
        return read(PlanGraph::forest);
    }

    @Override
    public List<Event> history(String id) {
        return read(graph -> graph.history(id));
    }

    @Override
    public List<Event> events(long afterSequence, int limit) {
        return read(graph -> graph.events(afterSequence, limit));
    }

    /** Closes the store. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            store.close();
            LOG.info("Closed the {} store {}", store.backend(), config.maskedUrl());
        }
    }

    @Override
    public String toString() {
        return "Cairn[" + config.maskedUrl() + "]";
    }

    private <T> T read(Function<PlanGraph, T> work) {
        requireOpen();
        return store.read(tx -> work.apply(new BoundGraph(tx, config.clock(), config.actor(), false, store)));
    }

    private <T> T write(Function<PlanGraph, T> work) {
        requireOpen();
        for (int attempt = 1; ; attempt++) {
            try {
                return store.write(tx -> work.apply(new BoundGraph(tx, config.clock(), config.actor(), true, store)));
            } catch (BoundGraph.RetryableConflict | ConcurrentChangeException conflict) {
                if (attempt >= MAX_RETRIES) {
                    throw new VersionConflictException("Gave up after " + MAX_RETRIES
                            + " attempts: the node kept changing under this write.",
                            conflict instanceof ConcurrentChangeException ? conflict : null);
                }
                backOff(attempt);
            }
        }
    }

    /**
     * Waits before another attempt: not at all at first (a serial store's conflicts clear at once), then a
     * random pause that grows with the attempts, so that writers contending across round trips to a server
     * stop colliding in step.
     */
    private static void backOff(int attempt) {
        if (attempt < 3) {
            Thread.onSpinWait();
            return;
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(20, attempt) * 2L));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new VersionConflictException("Interrupted while waiting to try a conflicting write again");
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("This Cairn is closed: " + config.maskedUrl());
        }
    }
}
