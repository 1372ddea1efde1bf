package dev.cairn.benchmarks;

import dev.cairn.core.BatchResult;
import dev.cairn.core.Cairn;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A SQL store through the {@link Cairn} facade beside raw JDBC on the same schema doing the same work
 * ({@link RawJdbc}), on each {@code backend} ({@link SqlBackend}):
 * <ul>
 *   <li>{@code batch}: {@code nodes} nodes (100,000), each linked below its parent, in one
 *       {@link Cairn#batch}, with their events; one fresh database per run, holding the goal they go below;</li>
 *   <li>{@code get}: {@link Cairn#get} of ids drawn from a tree of {@code size} nodes (100,000, eight children
 *       each, every node labelled);</li>
 *   <li>{@code descendants}: {@link Cairn#descendants} of the first child of that tree's goal, 37,448 nodes.</li>
 * </ul>
 * The ratio is what the rules, the facade, jOOQ and the pool cost over the database's own work.
 *
 * <p>Instances are JMH's: one per fork and thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SqlStoreBenchmark {
    /**
     * Children per node of the read tree. The issue asks for the descendants of a node with about 37,000
     * below it. With eight children a node, filled breadth first, the goal's first child (a Concept) has a
     * complete tree below it, five layers from Context to InterfaceContract: 8 + 64 + 512 + 4,096 + 32,768 =
     * 37,448 nodes, for any {@code size} from 70,217 to 299,593. Eight children a node is a broad but plausible
     * plan; four put 34,463 below that node, and a few more or less with every change of {@code size}.
     */
    static final int READ_FAN_OUT = 8;
    static final String LABEL = "bench";

    /** The nodes a batch writes: a tree below one goal, parents first. Immutable once set up. */
    @State(Scope.Benchmark)
    public static class BatchShape {
        @Param("100000")
        public int nodes;

        TreeShape shape;
        List<TreeShape.Entry> added;

        @Setup(Level.Trial)
        public void build() {
            shape = TreeShape.of(nodes + 1);
            added = shape.entries().subList(1, shape.size());
        }
    }

    /** A fresh database per run with the batch's goal in it, opened by Cairn. Not thread-safe. */
    @State(Scope.Thread)
    public static class EmptyCairn {
        @Param({"sqlite", "postgresql"})
        public String backend;

        SqlBackend.Database database;
        Cairn cairn;

        @Setup(Level.Iteration)
        public void open(BatchShape batch) {
            database = SqlBackend.named(backend).create();
            cairn = database.open();
            TreeShape.Entry goal = batch.shape.entries().get(0);
            cairn.create(NodeDraft.of(goal.layer(), RawJdbc.title(goal)).id(goal.id()).owner(RawJdbc.OWNER));
        }

        @TearDown(Level.Iteration)
        public void close() {
            cairn.close();
            database.close();
        }
    }

    /** The same database for the baseline, its schema made by Cairn, reached by raw JDBC. Not thread-safe. */
    @State(Scope.Thread)
    public static class EmptyJdbc {
        @Param({"sqlite", "postgresql"})
        public String backend;

        SqlBackend.Database database;
        Connection connection;

        @Setup(Level.Iteration)
        public void open(BatchShape batch) throws SQLException {
            database = SqlBackend.named(backend).create();
            try (Cairn cairn = database.open()) {
                TreeShape.Entry goal = batch.shape.entries().get(0);
                cairn.create(NodeDraft.of(goal.layer(), RawJdbc.title(goal)).id(goal.id()).owner(RawJdbc.OWNER));
            }
            connection = database.connect();
        }

        @TearDown(Level.Iteration)
        public void close() throws SQLException {
            connection.close();
            database.close();
        }
    }

    /** A tree written once per trial, read by Cairn and by the baseline. Thread-safe once built. */
    @State(Scope.Benchmark)
    public static class ReadTree {
        @Param({"sqlite", "postgresql"})
        public String backend;

        @Param("100000")
        public int size;

        SqlBackend.Database database;
        Cairn cairn;
        RawJdbc.Reader reader;
        String subtreeId;
        String[] probeIds;

        @Setup(Level.Trial)
        public void build() throws SQLException {
            TreeShape shape = TreeShape.of(size, READ_FAN_OUT);
            database = SqlBackend.named(backend).create();
            cairn = database.open();
            cairn.batch(batch -> {
                for (TreeShape.Entry entry : shape.entries()) {
                    NodeDraft draft = NodeDraft.of(entry.layer(), RawJdbc.title(entry)).id(entry.id())
                            .owner(RawJdbc.OWNER).labels(LABEL);
                    if (entry.parentId() != null) {
                        draft.parents(entry.parentId());
                    }
                    batch.add(draft);
                }
            });
            reader = new RawJdbc.Reader(database.connectForReads());
            subtreeId = shape.entries().get(Math.min(1, shape.size() - 1)).id();
            probeIds = shape.probeIds(ProbeCursor.PROBES);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            reader.close();
            cairn.close();
            database.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public BatchResult batch(BatchShape batch, EmptyCairn store) {
        return store.cairn.batch(writing -> {
            for (TreeShape.Entry entry : batch.added) {
                writing.add(NodeDraft.of(entry.layer(), RawJdbc.title(entry)).id(entry.id()).owner(RawJdbc.OWNER)
                        .parents(entry.parentId()));
            }
        });
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public int batchBaseline(BatchShape batch, EmptyJdbc store) throws SQLException {
        return RawJdbc.insert(store.connection, batch.added);
    }

    @Benchmark
    public Node get(ReadTree tree, ProbeCursor cursor) {
        return tree.cairn.get(tree.probeIds[cursor.next()]);
    }

    @Benchmark
    public RawJdbc.Row getBaseline(ReadTree tree, ProbeCursor cursor) throws SQLException {
        return tree.reader.get(tree.probeIds[cursor.next()]);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Node> descendants(ReadTree tree) {
        return tree.cairn.descendants(tree.subtreeId);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<RawJdbc.Row> descendantsBaseline(ReadTree tree) throws SQLException {
        return tree.reader.descendants(tree.subtreeId);
    }
}
