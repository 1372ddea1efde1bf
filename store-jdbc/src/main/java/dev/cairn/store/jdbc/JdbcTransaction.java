package dev.cairn.store.jdbc;

import static dev.cairn.store.jdbc.Schema.COMMANDS;
import static dev.cairn.store.jdbc.Schema.COMMAND_AC_REF;
import static dev.cairn.store.jdbc.Schema.COMMAND_NODE;
import static dev.cairn.store.jdbc.Schema.NODES;
import static dev.cairn.store.jdbc.Schema.NODE_LAYER;
import static dev.cairn.store.jdbc.Schema.NODE_STATUS;

import dev.cairn.core.Event;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.StatusCount;
import dev.cairn.core.spi.NewEvent;
import dev.cairn.core.spi.RunLog;
import dev.cairn.core.spi.StoreTransaction;
import dev.cairn.core.spi.StoredDrift;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The operations of one unit of work on one connection: checks that the unit of work is usable (and writable
 * for a change), hands each operation to the part that writes its SQL, and translates what the driver throws.
 * The parts: {@link NodeReads} (a node by id, recursive walks, in plain JDBC), {@link NodeLoads} (nodes many at
 * a time, layers), {@link NodeWrites} (a node's rows), {@link LinkRows}, {@link Walks}, {@link LabelRows},
 * {@link EventRows}, {@link BatchWriter} (batches and events), {@link NodeStreams} (exports), {@link Drift}
 * (the doctor) and {@link RunRows} (command runs and leases). Not thread-safe: confined to the thread of its unit
 * of work, and unusable once the work has returned.
 */
final class JdbcTransaction implements StoreTransaction {
    private final UnitOfWork unit;
    private final DSLContext sql;
    private final boolean writable;
    private final NodeLoads loads;

    JdbcTransaction(UnitOfWork unit, DSLContext sql, boolean writable) {
        this.unit = unit;
        this.sql = sql;
        this.writable = writable;
        this.loads = new NodeLoads(sql);
    }

    // ----------------------------------------------------------------------------------------------
    // Nodes

    @Override
    public Optional<Node> node(String id) {
        checkUsable();
        try {
            return unit.nodeReads().node(unit.store().connections(), unit.connection(), id);
        } catch (SQLException failure) {
            throw Failures.translate(unit.store(), failure, failure);
        }
    }

    @Override
    public List<Node> nodes(Collection<String> ids) {
        checkUsable();
        return query(() -> loads.byIds(ids));
    }

    /** The layer column only: no labels or command specs are read. */
    @Override
    public Map<String, Layer> layers(Collection<String> ids) {
        checkUsable();
        return query(() -> loads.layers(ids));
    }

    @Override
    public void insert(Node node) {
        checkWritable();
        query(() -> {
            new NodeWrites(unit, sql).insert(node);
            return null;
        });
    }

    @Override
    public boolean update(Node node, long expectedVersion) {
        checkWritable();
        return query(() -> new NodeWrites(unit, sql).update(node, expectedVersion));
    }

    @Override
    public boolean delete(String id) {
        checkWritable();
        return query(() -> new NodeWrites(unit, sql).delete(id));
    }

    // ----------------------------------------------------------------------------------------------
    // Links

    @Override
    public void insertLink(Link link) {
        checkWritable();
        query(() -> {
            new LinkRows(unit, sql).insert(link);
            return null;
        });
    }

    @Override
    public boolean deleteLink(Link link) {
        checkWritable();
        return query(() -> new LinkRows(unit, sql).delete(link));
    }

    @Override
    public boolean hasLink(Link link) {
        checkUsable();
        return query(() -> new LinkRows(unit, sql).exists(link));
    }

    @Override
    public List<String> parentIds(String id) {
        checkUsable();
        return query(() -> new LinkRows(unit, sql).parentIds(id));
    }

    @Override
    public List<String> childIds(String id) {
        checkUsable();
        return query(() -> new LinkRows(unit, sql).childIds(id));
    }

    @Override
    public List<Link> links() {
        checkUsable();
        return query(() -> new LinkRows(unit, sql).all());
    }

    // ----------------------------------------------------------------------------------------------
    // Queries

    @Override
    public List<Node> find(NodeQuery query) {
        checkUsable();
        return query(() -> loads.load(NodeFilters.where(query, unit.dialect()), NodeFilters.order(query),
                query.limit().orElse(null), query.offset()));
    }

    @Override
    public long count(NodeQuery query) {
        checkUsable();
        return query(() -> sql.selectCount().from(NODES).where(NodeFilters.where(query, unit.dialect()))
                .fetchOne(0, Long.class));
    }

    @Override
    public List<Node> descendants(String id) {
        checkUsable();
        return walk(id, true);
    }

    @Override
    public List<Node> ancestors(String id) {
        checkUsable();
        return walk(id, false);
    }

    private List<Node> walk(String id, boolean down) {
        try {
            return walks().nodes(id, down);
        } catch (SQLException failure) {
            throw Failures.translate(unit.store(), failure, failure);
        } catch (DataAccessException failure) {
            throw Failures.translate(unit.store(), failure);
        }
    }

    @Override
    public List<Link> descendantLinks(String id) {
        checkUsable();
        return query(() -> walks().linksBelow(id));
    }

    private Walks walks() {
        return new Walks(unit, sql, loads);
    }

    @Override
    public List<StatusCount> countByLayerAndStatus() {
        checkUsable();
        return query(() -> sql.select(NODE_LAYER, NODE_STATUS, DSL.count()).from(NODES).groupBy(NODE_LAYER, NODE_STATUS)
                .fetch(row -> new StatusCount(NodeRows.layer(row.value1()), NodeRows.status(row.value2()),
                        row.value3().longValue())))
                .stream()
                .sorted(Comparator.comparing(StatusCount::layer).thenComparing(StatusCount::status))
                .toList();
    }

    @Override
    public List<String> commandsVerifying(String acceptanceCriteriaId) {
        checkUsable();
        return query(() -> sql.select(COMMAND_NODE).from(COMMANDS).where(COMMAND_AC_REF.eq(acceptanceCriteriaId))
                .orderBy(COMMAND_NODE).fetch(COMMAND_NODE));
    }

    @Override
    public List<StoredDrift> drift() {
        checkUsable();
        return query(() -> Drift.find(sql));
    }

    @Override
    public boolean repairDrift(String nodeId, Map<StoredDrift, String> repairs, Instant at) {
        checkWritable();
        return query(() -> Drift.repair(sql, nodeId, repairs, at));
    }

    // ----------------------------------------------------------------------------------------------
    // Labels

    @Override
    public void putLabel(Label label) {
        checkWritable();
        query(() -> {
            new LabelRows(unit, sql).put(label);
            return null;
        });
    }

    @Override
    public Optional<Label> label(String name) {
        checkUsable();
        return query(() -> new LabelRows(unit, sql).get(name));
    }

    @Override
    public List<Label> labels() {
        checkUsable();
        return query(() -> new LabelRows(unit, sql).all());
    }

    // ----------------------------------------------------------------------------------------------
    // Events

    @Override
    public void append(List<NewEvent> events) {
        checkWritable();
        // Multi-row inserts rendered once (BatchWriter): a batch appends thousands, and jOOQ's rendering of
        // each insert cost more than SQLite took to store them.
        new BatchWriter(unit, sql).append(events);
    }

    @Override
    public List<Event> events(String nodeId) {
        checkUsable();
        return query(() -> new EventRows(sql).of(nodeId));
    }

    @Override
    public List<Event> events(long afterSequence, int limit) {
        checkUsable();
        return query(() -> new EventRows(sql).after(afterSequence, limit));
    }

    // ----------------------------------------------------------------------------------------------

    /** Runs {@code work}, translating a driver's failure into a Cairn exception. */
    <T> T query(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException failure) {
            throw Failures.translate(unit.store(), failure);
        }
    }

    void checkUsable() {
        unit.checkUsable();
    }

    void checkWritable() {
        checkUsable();
        if (!writable) {
            throw new IllegalStateException("This store transaction is read-only: change the store inside "
                    + "Store.write, not Store.read");
        }
    }

    // ----------------------------------------------------------------------------------------------
    // Batches: the chunks of PlanGraph.batch, with JDBC batching (BatchWriter)

    @Override
    public void insertNodes(List<Node> nodes) {
        checkWritable();
        new BatchWriter(unit, sql).insertNodes(nodes);
    }

    @Override
    public void insertLinks(List<Link> links) {
        checkWritable();
        new BatchWriter(unit, sql).insertLinks(links);
    }

    // ----------------------------------------------------------------------------------------------
    // Streaming reads, for exports and copies: one forward-only query each (NodeStreams)

    @Override
    public void forEachNode(Consumer<Node> action) {
        checkUsable();
        try {
            NodeStreams.of(sql).forEachNode(unit.connection(), action);
        } catch (SQLException failure) {
            throw Failures.translate(unit.store(), failure, failure);
        }
    }

    @Override
    public void forEachLink(Consumer<Link> action) {
        checkUsable();
        try {
            NodeStreams.of(sql).forEachLink(unit.connection(), action);
        } catch (SQLException failure) {
            throw Failures.translate(unit.store(), failure, failure);
        }
    }

    @Override
    public Map<String, List<String>> parentIdsOf(Collection<String> ids) {
        checkUsable();
        return query(() -> NodeStreams.parentIdsOf(sql, ids));
    }

    // ----------------------------------------------------------------------------------------------
    // Command runs and leases (JdbcRunLog, RunRows)

    @Override
    public Optional<RunLog> runLog() {
        checkUsable();
        return Optional.of(new JdbcRunLog(this, new RunRows(sql, unit.dialect())));
    }
}
