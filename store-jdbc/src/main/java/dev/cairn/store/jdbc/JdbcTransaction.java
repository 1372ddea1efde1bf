package dev.cairn.store.jdbc;

import static dev.cairn.store.jdbc.Schema.COMMANDS;
import static dev.cairn.store.jdbc.Schema.COMMAND_AC_REF;
import static dev.cairn.store.jdbc.Schema.COMMAND_ARTIFACTS;
import static dev.cairn.store.jdbc.Schema.COMMAND_COLUMNS;
import static dev.cairn.store.jdbc.Schema.COMMAND_ENV;
import static dev.cairn.store.jdbc.Schema.COMMAND_NODE;
import static dev.cairn.store.jdbc.Schema.COMMAND_SHELL;
import static dev.cairn.store.jdbc.Schema.COMMAND_WORKDIR;
import static dev.cairn.store.jdbc.Schema.EVENTS;
import static dev.cairn.store.jdbc.Schema.EVENT_ACTOR;
import static dev.cairn.store.jdbc.Schema.EVENT_AT;
import static dev.cairn.store.jdbc.Schema.EVENT_DETAILS;
import static dev.cairn.store.jdbc.Schema.EVENT_NODE;
import static dev.cairn.store.jdbc.Schema.EVENT_SEQ;
import static dev.cairn.store.jdbc.Schema.EVENT_TYPE;
import static dev.cairn.store.jdbc.Schema.LABELS;
import static dev.cairn.store.jdbc.Schema.LABEL_DESCRIPTION;
import static dev.cairn.store.jdbc.Schema.LABEL_NAME;
import static dev.cairn.store.jdbc.Schema.LINKS;
import static dev.cairn.store.jdbc.Schema.LINK_CHILD;
import static dev.cairn.store.jdbc.Schema.LINK_PARENT;
import static dev.cairn.store.jdbc.Schema.NODES;
import static dev.cairn.store.jdbc.Schema.NODE_COLUMNS;
import static dev.cairn.store.jdbc.Schema.NODE_ID;
import static dev.cairn.store.jdbc.Schema.NODE_LABELS;
import static dev.cairn.store.jdbc.Schema.NODE_LABEL_NAME;
import static dev.cairn.store.jdbc.Schema.NODE_LABEL_NODE;
import static dev.cairn.store.jdbc.Schema.NODE_LAYER;
import static dev.cairn.store.jdbc.Schema.NODE_STATUS;
import static dev.cairn.store.jdbc.Schema.NODE_VERSION;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.DuplicateNodeException;
import dev.cairn.core.Event;
import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.StatusCount;
import dev.cairn.core.run.CommandLease;
import dev.cairn.core.run.CommandRun;
import dev.cairn.core.spi.NewEvent;
import dev.cairn.core.spi.StoreTransaction;
import dev.cairn.core.spi.StoredDrift;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep2;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.SelectConditionStep;
import org.jooq.SelectLimitStep;
import org.jooq.SortField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The operations of one unit of work on one connection, as jOOQ queries. Not thread-safe: confined to
 * the thread of its unit of work, and unusable once the work has returned.
 */
final class JdbcTransaction implements StoreTransaction {
    /** Up to this many ids go into an IN list; a larger set is named by the query that found it. */
    private static final int IN_LIST_LIMIT = 500;

    private static final List<Field<?>> EVENT_COLUMNS =
            List.of(EVENT_SEQ, EVENT_NODE, EVENT_TYPE, EVENT_AT, EVENT_ACTOR, EVENT_DETAILS);
    static final Field<String> WALK_ID = field(name("cairn_walk", "id"), String.class);

    private final UnitOfWork unit;
    private final DSLContext sql;
    private final boolean writable;

    JdbcTransaction(UnitOfWork unit, DSLContext sql, boolean writable) {
        this.unit = unit;
        this.sql = sql;
        this.writable = writable;
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
        List<Node> found = new ArrayList<>(ids.size());
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += IN_LIST_LIMIT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST_LIMIT));
            found.addAll(query(() -> load(NODE_ID.in(chunk), List.of(), null, 0)));
        }
        return found;
    }

    /** The layer column only, a chunk of ids a query: no labels or command specs are read. */
    @Override
    public Map<String, Layer> layers(Collection<String> ids) {
        checkUsable();
        Map<String, Layer> layers = new HashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += IN_LIST_LIMIT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST_LIMIT));
            for (Record2<String, String> row : query(() -> sql.select(NODE_ID, NODE_LAYER).from(NODES)
                    .where(NODE_ID.in(chunk)).fetch())) {
                layers.put(row.value1(), NodeRows.layer(row.value2(), row.value1()));
            }
        }
        return layers;
    }

    @Override
    public void insert(Node node) {
        checkWritable();
        try {
            InsertValuesStepN<Record> insert = sql.insertInto(NODES).columns(NODE_COLUMNS)
                    .values(NodeColumns.values(node));
            if (unit.dialect().failureAbortsTransaction()) {
                if (insert.onConflictDoNothing().execute() == 0) {
                    throw new DuplicateNodeException("Node " + node.id() + " exists already.");
                }
            } else {
                insert.execute();
            }
        } catch (DataAccessException failure) {
            if (unit.dialect().isUniqueViolation(Failures.sqlCause(failure))) {
                throw new DuplicateNodeException("Node " + node.id() + " exists already.", failure);
            }
            throw Failures.translate(unit.store(), failure);
        }
        query(() -> {
            writeLabels(node);
            writeCommand(node);
            return null;
        });
    }

    @Override
    public boolean update(Node node, long expectedVersion) {
        checkWritable();
        return query(() -> {
            int changed = sql.update(NODES)
                    .set(NodeColumns.changes(node))
                    .where(NODE_ID.eq(node.id()).and(NODE_VERSION.eq(expectedVersion)))
                    .execute();
            if (changed == 0) {
                return false;
            }
            sql.deleteFrom(NODE_LABELS).where(NODE_LABEL_NODE.eq(node.id())).execute();
            sql.deleteFrom(COMMANDS).where(COMMAND_NODE.eq(node.id())).execute();
            writeLabels(node);
            writeCommand(node);
            return true;
        });
    }

    /** Links, label assignments and the command spec go with the node: ON DELETE CASCADE. */
    @Override
    public boolean delete(String id) {
        checkWritable();
        return query(() -> sql.deleteFrom(NODES).where(NODE_ID.eq(id)).execute() > 0);
    }

    private void writeLabels(Node node) {
        if (node.labels().isEmpty()) {
            return;
        }
        for (String label : node.labels()) {
            // Portable "insert if missing": ON CONFLICT has no emulation on H2 without generated metadata. Where
            // a failed statement aborts the transaction, a concurrent insert of the same name must not fail it.
            InsertOnDuplicateStep<Record> insert = sql.insertInto(LABELS, LABEL_NAME)
                    .select(select(val(label)).whereNotExists(selectOne().from(LABELS).where(LABEL_NAME.eq(label))));
            if (unit.dialect().failureAbortsTransaction()) {
                insert.onConflictDoNothing().execute();
            } else {
                insert.execute();
            }
        }
        InsertValuesStep2<Record, String, String> insert = sql.insertInto(NODE_LABELS, NODE_LABEL_NODE, NODE_LABEL_NAME);
        for (String label : node.labels()) {
            insert = insert.values(node.id(), label);
        }
        insert.execute();
    }

    private void writeCommand(Node node) {
        if (node.command() == null) {
            return;
        }
        sql.insertInto(COMMANDS).columns(COMMAND_COLUMNS).values(NodeColumns.commandValues(node)).execute();
    }

    // ----------------------------------------------------------------------------------------------
    // Links

    @Override
    public void insertLink(Link link) {
        checkWritable();
        try {
            InsertValuesStep2<Record, String, String> insert = sql.insertInto(LINKS, LINK_PARENT, LINK_CHILD)
                    .values(link.parentId(), link.childId());
            if (unit.dialect().failureAbortsTransaction()) {
                // Core has checked both ends; only a node deleted by a concurrent transaction can still fail
                // the foreign key here, and that failure aborts the transaction, as it must.
                if (insert.onConflictDoNothing().execute() == 0) {
                    throw new InvalidLinkException("Link " + link.parentId() + " → " + link.childId()
                            + " exists already.");
                }
            } else {
                insert.execute();
            }
        } catch (DataAccessException failure) {
            SQLException cause = Failures.sqlCause(failure);
            if (unit.dialect().isUniqueViolation(cause)) {
                throw new InvalidLinkException("Link " + link.parentId() + " → " + link.childId()
                        + " exists already.", failure);
            }
            if (unit.dialect().isForeignKeyViolation(cause)) {
                throw new NoSuchNodeException("Cannot link " + link.parentId() + " → " + link.childId()
                        + ": an end does not exist.", failure);
            }
            throw Failures.translate(unit.store(), failure);
        }
    }

    @Override
    public boolean deleteLink(Link link) {
        checkWritable();
        return query(() -> sql.deleteFrom(LINKS)
                .where(LINK_PARENT.eq(link.parentId()).and(LINK_CHILD.eq(link.childId()))).execute() > 0);
    }

    @Override
    public boolean hasLink(Link link) {
        checkUsable();
        return query(() -> sql.fetchExists(selectOne().from(LINKS)
                .where(LINK_PARENT.eq(link.parentId()).and(LINK_CHILD.eq(link.childId())))));
    }

    @Override
    public List<String> parentIds(String id) {
        checkUsable();
        return query(() -> sql.select(LINK_PARENT).from(LINKS).where(LINK_CHILD.eq(id)).orderBy(LINK_PARENT)
                .fetch(LINK_PARENT));
    }

    @Override
    public List<String> childIds(String id) {
        checkUsable();
        return query(() -> sql.select(LINK_CHILD).from(LINKS).where(LINK_PARENT.eq(id)).orderBy(LINK_CHILD)
                .fetch(LINK_CHILD));
    }

    @Override
    public List<Link> links() {
        checkUsable();
        return query(() -> sql.select(LINK_PARENT, LINK_CHILD).from(LINKS).orderBy(LINK_PARENT, LINK_CHILD)
                .fetch(row -> new Link(row.value1(), row.value2())));
    }

    // ----------------------------------------------------------------------------------------------
    // Queries

    @Override
    public List<Node> find(NodeQuery query) {
        checkUsable();
        return query(() -> load(NodeFilters.where(query, unit.dialect()), NodeFilters.order(query), query.limit().orElse(null),
                query.offset()));
    }

    @Override
    public long count(NodeQuery query) {
        checkUsable();
        return query(() -> sql.selectCount().from(NODES).where(NodeFilters.where(query, unit.dialect())).fetchOne(0, Long.class));
    }

    @Override
    public List<Node> descendants(String id) {
        checkUsable();
        if (!unit.dialect().recursiveWalks()) {
            return nodes(walkByLevels(id, true, null));
        }
        return walkRecursively(id, true);
    }

    @Override
    public List<Node> ancestors(String id) {
        checkUsable();
        if (!unit.dialect().recursiveWalks()) {
            return nodes(walkByLevels(id, false, null));
        }
        return walkRecursively(id, false);
    }

    private List<Node> walkRecursively(String id, boolean down) {
        try {
            return unit.nodeReads().walk(unit.store().connections(), unit.connection(), id, down);
        } catch (SQLException failure) {
            throw Failures.translate(unit.store(), failure, failure);
        }
    }

    @Override
    public List<Link> descendantLinks(String id) {
        checkUsable();
        if (!unit.dialect().recursiveWalks()) {
            List<Link> links = new ArrayList<>();
            walkByLevels(id, true, links);
            return links;
        }
        return query(() -> {
            CommonTableExpression<Record1<String>> walk = walk(val(id), true);
            return sql.withRecursive(walk).select(LINK_PARENT, LINK_CHILD).from(LINKS)
                    .where(LINK_PARENT.eq(id).or(LINK_PARENT.in(select(WALK_ID).from(walk))))
                    .orderBy(LINK_PARENT, LINK_CHILD)
                    .fetch(row -> new Link(row.value1(), row.value2()));
        });
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

    /**
     * The ids reachable from {@code start}, start left out, each once: UNION (not UNION ALL) drops a node
     * reached twice, so a diamond in the graph costs one row, not one per path.
     */
    static CommonTableExpression<Record1<String>> walk(Field<String> start, boolean down) {
        Field<String> from = down ? LINK_PARENT : LINK_CHILD;
        Field<String> to = down ? LINK_CHILD : LINK_PARENT;
        return name("cairn_walk").fields("id").as(
                select(to).from(LINKS).where(from.eq(start))
                        .union(select(to).from(LINKS).join(table(name("cairn_walk"))).on(from.eq(WALK_ID))));
    }

    /**
     * The ids reachable from {@code start}, start left out, nearest first, with one query per level (per
     * chunk of a level); the links followed are added to {@code links} when it is given.
     */
    private Set<String> walkByLevels(String start, boolean down, List<Link> links) {
        Field<String> from = down ? LINK_PARENT : LINK_CHILD;
        Field<String> to = down ? LINK_CHILD : LINK_PARENT;
        Set<String> seen = new LinkedHashSet<>();
        List<String> level = List.of(start);
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (int index = 0; index < level.size(); index += IN_LIST_LIMIT) {
                List<String> chunk = level.subList(index, Math.min(level.size(), index + IN_LIST_LIMIT));
                for (Record2<String, String> row : query(() -> sql.select(from, to).from(LINKS).where(from.in(chunk))
                        .orderBy(from, to).fetch())) {
                    if (links != null) {
                        links.add(down ? new Link(row.value1(), row.value2()) : new Link(row.value2(), row.value1()));
                    }
                    if (!row.value2().equals(start) && seen.add(row.value2())) {
                        next.add(row.value2());
                    }
                }
            }
            level = next;
        }
        return seen;
    }

    // ----------------------------------------------------------------------------------------------
    // Loading whole nodes: their rows, then their labels and command specs in one query each.

    private List<Node> load(Condition where, List<SortField<?>> order, Integer limit, int offset) {
        SelectLimitStep<Record> select = sql.select(NODE_COLUMNS).from(NODES).where(where).orderBy(order);
        ResultQuery<Record> rows = limit != null ? select.limit(offset, limit)
                : offset > 0 ? select.offset(offset) : select;
        Result<Record> found = rows.fetch();
        if (found.isEmpty()) {
            return List.of();
        }
        List<String> ids = found.getValues(NODE_ID);
        boolean anyCommand = found.getValues(NODE_LAYER).contains(NodeRows.layer(Layer.COMMAND));
        boolean few = ids.size() <= IN_LIST_LIMIT;
        Condition labelsOf = few ? NODE_LABEL_NODE.in(ids)
                : NODE_LABEL_NODE.in(select(NODE_ID).from(NODES).where(where));
        Map<String, Set<String>> labels = labels(sql.select(NODE_LABEL_NODE, NODE_LABEL_NAME).from(NODE_LABELS)
                .where(labelsOf).fetch());
        Map<String, CommandSpec> commands = Map.of();
        if (anyCommand) {
            Condition commandsOf = few ? COMMAND_NODE.in(ids)
                    : COMMAND_NODE.in(select(NODE_ID).from(NODES).where(where));
            commands = commands(sql.select(COMMAND_NODE, COMMAND_AC_REF, COMMAND_SHELL, COMMAND_WORKDIR, COMMAND_ENV,
                    COMMAND_ARTIFACTS).from(COMMANDS).where(commandsOf).fetch());
        }
        return assemble(found, labels, commands);
    }

    private static Map<String, Set<String>> labels(Result<Record2<String, String>> rows) {
        Map<String, Set<String>> labels = new HashMap<>();
        for (Record2<String, String> row : rows) {
            labels.computeIfAbsent(row.value1(), key -> new TreeSet<>()).add(row.value2());
        }
        return labels;
    }

    private static Map<String, CommandSpec> commands(Result<? extends Record> rows) {
        Map<String, CommandSpec> commands = new HashMap<>();
        for (Record row : rows) {
            commands.put(row.get(COMMAND_NODE), NodeRows.command(row));
        }
        return commands;
    }

    private static List<Node> assemble(Result<Record> rows, Map<String, Set<String>> labels,
                                       Map<String, CommandSpec> commands) {
        List<Node> nodes = new ArrayList<>(rows.size());
        for (Record row : rows) {
            String id = row.get(NODE_ID);
            nodes.add(NodeRows.node(row, labels.getOrDefault(id, Set.of()), commands.get(id)));
        }
        return nodes;
    }

    // ----------------------------------------------------------------------------------------------
    // Labels

    @Override
    public void putLabel(Label label) {
        checkWritable();
        query(() -> {
            int updated = sql.update(LABELS).set(LABEL_DESCRIPTION, label.description())
                    .where(LABEL_NAME.eq(label.name())).execute();
            if (updated == 0) {
                InsertValuesStep2<Record, String, String> insert = sql.insertInto(LABELS, LABEL_NAME, LABEL_DESCRIPTION)
                        .values(label.name(), label.description());
                if (unit.dialect().failureAbortsTransaction()) {
                    // A concurrent transaction may have inserted it meanwhile; its description then wins.
                    insert.onConflictDoNothing().execute();
                } else {
                    insert.execute();
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Label> label(String name) {
        checkUsable();
        return query(() -> sql.select(LABEL_NAME, LABEL_DESCRIPTION).from(LABELS).where(LABEL_NAME.eq(name))
                .fetchOptional(row -> new Label(row.value1(), row.value2())));
    }

    @Override
    public List<Label> labels() {
        checkUsable();
        return query(() -> sql.select(LABEL_NAME, LABEL_DESCRIPTION).from(LABELS).orderBy(LABEL_NAME)
                .fetch(row -> new Label(row.value1(), row.value2())));
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
        return query(() -> eventsWhere(EVENT_NODE.eq(nodeId)).orderBy(EVENT_SEQ).fetch(JdbcTransaction::event));
    }

    @Override
    public List<Event> events(long afterSequence, int limit) {
        checkUsable();
        return query(() -> eventsWhere(EVENT_SEQ.gt(afterSequence)).orderBy(EVENT_SEQ).limit(Math.max(1, limit))
                .fetch(JdbcTransaction::event));
    }

    private SelectConditionStep<Record> eventsWhere(Condition where) {
        return sql.select(EVENT_COLUMNS).from(EVENTS).where(where);
    }

    private static Event event(Record row) {
        return new Event(row.get(EVENT_SEQ), row.get(EVENT_NODE), NodeRows.eventType(row.get(EVENT_TYPE)),
                NodeRows.instant(row.get(EVENT_AT)), row.get(EVENT_ACTOR), Json.readObject(row.get(EVENT_DETAILS)));
    }

    // ----------------------------------------------------------------------------------------------

    /** Runs {@code work}, translating a driver's failure into a Cairn exception. */
    private <T> T query(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException failure) {
            throw Failures.translate(unit.store(), failure);
        }
    }

    private void checkUsable() {
        unit.checkUsable();
    }

    private void checkWritable() {
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
    // Command runs and leases (RunRows)

    @Override
    public boolean acquireLease(CommandLease lease) {
        checkWritable();
        return query(() -> runRows().acquireLease(lease));
    }

    @Override
    public boolean renewLease(String commandId, String holder, Instant expiresAt) {
        checkWritable();
        return query(() -> runRows().renewLease(commandId, holder, expiresAt));
    }

    @Override
    public boolean releaseLease(String commandId, String holder) {
        checkWritable();
        return query(() -> runRows().releaseLease(commandId, holder));
    }

    @Override
    public Optional<CommandLease> lease(String commandId) {
        checkUsable();
        return query(() -> runRows().lease(commandId));
    }

    @Override
    public int startRun(String commandId, Instant startedAt, String actor) {
        checkWritable();
        return query(() -> runRows().startRun(commandId, startedAt, actor));
    }

    @Override
    public boolean finishRun(CommandRun run) {
        checkWritable();
        return query(() -> runRows().finishRun(run));
    }

    @Override
    public List<CommandRun> runs(String commandId, int limit) {
        checkUsable();
        return query(() -> runRows().runs(commandId, limit));
    }

    @Override
    public Optional<CommandRun> run(String commandId, int number) {
        checkUsable();
        return query(() -> runRows().run(commandId, number));
    }

    private RunRows runRows() {
        return new RunRows(sql, unit.dialect());
    }
}
