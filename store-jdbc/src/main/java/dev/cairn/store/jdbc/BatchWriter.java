package dev.cairn.store.jdbc;

import static dev.cairn.store.jdbc.Schema.COMMANDS;
import static dev.cairn.store.jdbc.Schema.COMMAND_COLUMNS;
import static dev.cairn.store.jdbc.Schema.EVENTS;
import static dev.cairn.store.jdbc.Schema.EVENT_ACTOR;
import static dev.cairn.store.jdbc.Schema.EVENT_AT;
import static dev.cairn.store.jdbc.Schema.EVENT_DETAILS;
import static dev.cairn.store.jdbc.Schema.EVENT_NODE;
import static dev.cairn.store.jdbc.Schema.EVENT_TYPE;
import static dev.cairn.store.jdbc.Schema.LABELS;
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
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import dev.cairn.core.DuplicateNodeException;
import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.Link;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.spi.NewEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.InsertValuesStepN;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;

/**
 * The chunks of a batch, and every append of events, written as multi-row inserts: up to
 * {@value #MAX_ROWS} rows per statement, bound with the driver's own setters. On SQLite that is a third
 * faster than JDBC batching of single-row statements (one statement step per row, each opening the
 * table's indexes again), and binding through jOOQ would cost more than SQLite takes to store a row. jOOQ
 * renders each statement from {@link Schema}, as it renders every other query of the store, once per
 * dialect and row count.
 *
 * <p>A broken key fails the statement, and with it the unit of work, which the caller rolls back (to a
 * savepoint when the batch runs inside a larger transaction): a batch is all or nothing, so it need not
 * avoid failing statements, as single inserts on PostgreSQL must. Which row broke it is then looked up,
 * where the database still answers, for the message.
 *
 * <p>Made for one call, on the thread of its unit of work; not thread-safe.
 */
final class BatchWriter {
    /** Bound values per statement at most: SQLite's historic limit, the lowest of the databases. */
    private static final int MAX_BINDS = 999;
    /** Rows per statement at most: beyond this, longer statements gained nothing measurable on SQLite. */
    private static final int MAX_ROWS = 100;

    private static final Field<?>[] LINK_COLUMNS = {LINK_PARENT, LINK_CHILD};
    private static final Field<?>[] EVENT_COLUMNS = {EVENT_NODE, EVENT_TYPE, EVENT_AT, EVENT_ACTOR, EVENT_DETAILS};
    private static final Field<?>[] NODE_LABEL_COLUMNS = {NODE_LABEL_NODE, NODE_LABEL_NAME};

    /**
     * Rendered SQL by jOOQ dialect, statement and row count: a bounded set, as row counts go up to {@link #MAX_ROWS}
     * and what is rendered depends on nothing else.
     */
    private static final Map<Rendering, String> RENDERED = new ConcurrentHashMap<>();

    private final UnitOfWork unit;
    private final DSLContext sql;

    BatchWriter(UnitOfWork unit, DSLContext sql) {
        this.unit = unit;
        this.sql = sql;
    }

    /** Nodes with their labels (creating label names not yet known) and command specs. */
    void insertNodes(List<Node> nodes) {
        run(connection -> {
            insertRows(connection, NODES, NODE_COLUMNS, nodes, BatchWriter::bindNode, this::nodeFailure);
            insertLabels(connection, nodes);
            List<Node> commands = nodes.stream().filter(node -> node.command() != null).toList();
            insertRows(connection, COMMANDS, COMMAND_COLUMNS, commands, BatchWriter::bindCommand, null);
        });
    }

    /** Links, whose ends must exist: the foreign keys check them. */
    void insertLinks(List<Link> links) {
        run(connection -> insertRows(connection, LINKS, LINK_COLUMNS, links, BatchWriter::bindLink,
                this::linkFailure));
    }

    /** Events, in list order, so that their sequence numbers increase in that order. */
    void append(List<NewEvent> events) {
        run(connection -> insertRows(connection, EVENTS, EVENT_COLUMNS, events, BatchWriter::bindEvent, null));
    }

    /**
     * Inserts {@code rows} into {@code table}, as many a statement as the bound values allow up to
     * {@link #MAX_ROWS}, the rest in one shorter statement. A failure of a statement goes to {@code onFailure}
     * (when given) with the rows of that statement.
     */
    private <T> void insertRows(Connection connection, Table<Record> table, Field<?>[] columns, List<T> rows,
                                Binder<T> binder, FailureTranslator<T> onFailure) throws SQLException {
        int perStatement = Math.max(1, Math.min(MAX_ROWS, MAX_BINDS / columns.length));
        int whole = rows.size() - rows.size() % perStatement;
        if (whole > 0) {
            try (PreparedStatement insert = connection.prepareStatement(render(table, columns, perStatement))) {
                for (int from = 0; from < whole; from += perStatement) {
                    execute(insert, columns.length, rows.subList(from, from + perStatement), binder, onFailure);
                }
            }
        }
        if (whole < rows.size()) {
            List<T> rest = rows.subList(whole, rows.size());
            try (PreparedStatement insert = connection.prepareStatement(render(table, columns, rest.size()))) {
                execute(insert, columns.length, rest, binder, onFailure);
            }
        }
    }

    private <T> void execute(PreparedStatement insert, int columns, List<T> rows, Binder<T> binder,
                             FailureTranslator<T> onFailure) throws SQLException {
        for (int row = 0; row < rows.size(); row++) {
            binder.bind(insert, row * columns, rows.get(row));
        }
        try {
            insert.executeUpdate();
        } catch (SQLException failure) {
            RuntimeException translated = onFailure == null ? null : onFailure.translate(failure, rows);
            if (translated != null) {
                throw translated;
            }
            throw failure;
        }
    }

    private String render(Table<Record> table, Field<?>[] columns, int rows) {
        return RENDERED.computeIfAbsent(new Rendering(sql.dialect(), table.getName(), rows), key -> {
            Object[] placeholders = new Object[columns.length];
            InsertValuesStepN<Record> insert = sql.insertInto(table).columns(columns).values(placeholders);
            for (int row = 1; row < rows; row++) {
                insert = insert.values(placeholders);
            }
            return sql.render(insert);
        });
    }

    private void insertLabels(Connection connection, List<Node> nodes) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        List<Labelled> labelled = new ArrayList<>();
        for (Node node : nodes) {
            for (String label : node.labels()) {
                names.add(label);
                labelled.add(new Labelled(node.id(), label));
            }
        }
        if (names.isEmpty()) {
            return;
        }
        boolean onConflict = unit.dialect().failureAbortsTransaction();
        String defineLabel = RENDERED.computeIfAbsent(new Rendering(sql.dialect(),
                onConflict ? "define label on conflict" : "define label", 1), key -> {
            // The portable "insert if missing" of JdbcTransaction; ON CONFLICT too where a concurrent writer's
            // insert of the same name would otherwise fail the transaction.
            InsertOnDuplicateStep<Record> ifMissing = sql.insertInto(LABELS, LABEL_NAME)
                    .select(select(val((String) null)).whereNotExists(selectOne().from(LABELS)
                            .where(LABEL_NAME.eq((String) null))));
            Query query = onConflict ? ifMissing.onConflictDoNothing() : ifMissing;
            return sql.render(query);
        });
        try (PreparedStatement insert = connection.prepareStatement(defineLabel)) {
            for (String name : names) {
                insert.setString(1, name);
                insert.setString(2, name);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        insertRows(connection, NODE_LABELS, NODE_LABEL_COLUMNS, labelled, BatchWriter::bindLabelled, null);
    }

    // ----------------------------------------------------------------------------------------------
    // Rows: each binder sets its columns in the order of the insert, after the offset of its row.

    /** Binds the {@link Schema#NODE_COLUMNS} of {@code node}. */
    private static void bindNode(PreparedStatement insert, int offset, Node node) throws SQLException {
        NodeColumns.bind(insert, offset, NODE_COLUMNS, NodeColumns.values(node));
    }

    private static void bindCommand(PreparedStatement insert, int offset, Node node) throws SQLException {
        NodeColumns.bind(insert, offset, COMMAND_COLUMNS, NodeColumns.commandValues(node));
    }

    private static void bindLabelled(PreparedStatement insert, int offset, Labelled labelled) throws SQLException {
        insert.setString(offset + 1, labelled.nodeId());
        insert.setString(offset + 2, labelled.label());
    }

    private static void bindLink(PreparedStatement insert, int offset, Link link) throws SQLException {
        insert.setString(offset + 1, link.parentId());
        insert.setString(offset + 2, link.childId());
    }

    private static void bindEvent(PreparedStatement insert, int offset, NewEvent event) throws SQLException {
        insert.setString(offset + 1, event.nodeId());
        insert.setString(offset + 2, NodeRows.wire(event.type()));
        insert.setLong(offset + 3, event.at().toEpochMilli());
        insert.setString(offset + 4, event.actor());
        insert.setString(offset + 5, Json.write(event.details()));
    }

    // ----------------------------------------------------------------------------------------------
    // Failures: Cairn's exception, naming the row when the database can still say which.

    private RuntimeException nodeFailure(SQLException failure, List<Node> nodes) {
        if (!matches(failure, unit.dialect()::isUniqueViolation)) {
            return null;
        }
        Optional<String> taken = lookUp(() -> {
            Set<String> found = sql.select(NODE_ID).from(NODES).where(NODE_ID.in(nodes.stream().map(Node::id).toList()))
                    .fetchSet(NODE_ID);
            return nodes.stream().map(Node::id).filter(found::contains).findFirst();
        });
        return new DuplicateNodeException(taken.map(id -> "Node " + id + " exists already.")
                .orElse("A node of " + nodes.get(0).id() + " … " + nodes.get(nodes.size() - 1).id()
                        + " exists already."), failure);
    }

    private RuntimeException linkFailure(SQLException failure, List<Link> links) {
        if (matches(failure, unit.dialect()::isUniqueViolation)) {
            Optional<Link> existing = lookUp(() -> links.stream().filter(link -> sql.fetchExists(selectOne().from(LINKS)
                    .where(LINK_PARENT.eq(link.parentId()).and(LINK_CHILD.eq(link.childId()))))).findFirst());
            return new InvalidLinkException(existing.map(link -> "Link " + describe(link) + " exists already.")
                    .orElse("A link of " + describe(links.get(0)) + " … " + describe(links.get(links.size() - 1))
                            + " exists already."), failure);
        }
        if (matches(failure, unit.dialect()::isForeignKeyViolation)) {
            Optional<String> missing = lookUp(() -> {
                Set<String> ends = new LinkedHashSet<>();
                links.forEach(link -> {
                    ends.add(link.parentId());
                    ends.add(link.childId());
                });
                Set<String> found = sql.select(NODE_ID).from(NODES).where(NODE_ID.in(ends)).fetchSet(NODE_ID);
                return ends.stream().filter(end -> !found.contains(end)).findFirst();
            });
            return new NoSuchNodeException(missing.map(id -> "No node with id '" + id + "' to link.")
                    .orElse("Cannot link " + describe(links.get(0)) + " … " + describe(links.get(links.size() - 1))
                            + ": an end does not exist."), failure);
        }
        return null;
    }

    /**
     * Asks the database which row broke a statement, where a failed statement leaves the transaction usable
     * (it undid only itself); on PostgreSQL it aborted the transaction, and nothing is asked.
     */
    private <T> Optional<T> lookUp(Supplier<Optional<T>> query) {
        if (unit.dialect().failureAbortsTransaction()) {
            return Optional.empty();
        }
        try {
            return query.get();
        } catch (DataAccessException unanswered) {
            return Optional.empty();
        }
    }

    /** Whether the driver's failure, or one chained to it, is of the kind {@code test} knows. */
    private static boolean matches(SQLException failure, Predicate<SQLException> test) {
        for (Throwable cause : failure) {
            if (cause instanceof SQLException sqlCause && test.test(sqlCause)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Link link) {
        return link.parentId() + " → " + link.childId();
    }

    /** Runs {@code work} on the unit of work's connection, translating what the driver throws. */
    private void run(ConnectionWork work) {
        ConnectionProvider provider = sql.configuration().connectionProvider();
        Connection connection = provider.acquire();
        try {
            work.run(connection);
        } catch (SQLException failure) {
            throw Failures.translate(unit.store(), failure, failure);
        } finally {
            provider.release(connection);
        }
    }

    @FunctionalInterface
    private interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement insert, int offset, T row) throws SQLException;
    }

    /** Cairn's exception for a failed statement and its rows, or null when it is no failure of theirs. */
    @FunctionalInterface
    private interface FailureTranslator<T> {
        RuntimeException translate(SQLException failure, List<T> rows);
    }

    private record Rendering(SQLDialect dialect, String statement, int rows) {
    }

    private record Labelled(String nodeId, String label) {
    }
}
