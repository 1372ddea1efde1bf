package dev.cairn.store.jdbc;

import static dev.cairn.store.jdbc.Schema.COMMANDS;
import static dev.cairn.store.jdbc.Schema.COMMAND_AC_REF;
import static dev.cairn.store.jdbc.Schema.COMMAND_ARTIFACTS;
import static dev.cairn.store.jdbc.Schema.COMMAND_ENV;
import static dev.cairn.store.jdbc.Schema.COMMAND_NODE;
import static dev.cairn.store.jdbc.Schema.COMMAND_SHELL;
import static dev.cairn.store.jdbc.Schema.COMMAND_WORKDIR;
import static dev.cairn.store.jdbc.Schema.LINKS;
import static dev.cairn.store.jdbc.Schema.LINK_CHILD;
import static dev.cairn.store.jdbc.Schema.LINK_PARENT;
import static dev.cairn.store.jdbc.Schema.NODES;
import static dev.cairn.store.jdbc.Schema.NODE_COLUMNS;
import static dev.cairn.store.jdbc.Schema.NODE_ID;
import static dev.cairn.store.jdbc.Schema.NODE_LABELS;
import static dev.cairn.store.jdbc.Schema.NODE_LABEL_NAME;
import static dev.cairn.store.jdbc.Schema.NODE_LABEL_NODE;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The streaming reads of {@link dev.cairn.core.spi.StoreTransaction#forEachNode} and
 * {@link dev.cairn.core.spi.StoreTransaction#forEachLink}: one forward-only query each, in plain JDBC, whose
 * rows the driver hands over a fetch at a time. PostgreSQL's driver reads through a cursor only when a fetch
 * size is set and auto-commit is off, which it is in every unit of work of a PostgreSQL store
 * ({@link JdbcDialect#begin}); SQLite steps through its result as it is read anyway; H2 keeps a large result
 * in a temporary file rather than in the heap. Immutable and thread-safe.
 *
 * <p>Labels and command specs come a page of nodes at a time: the node rows of a page (up to {@value #PAGE})
 * are held, then the labels and specs of the page are read with one query each, over the range of ids from
 * the page's first to its last. The stream holds one page, whatever the size of the store; a million nodes
 * cost 2,000 small range queries on the primary keys, and no query per node. A merge join of three open
 * cursors would save those queries but keep three cursors open against a server and tie the order of the
 * label table to the order of the node table row for row; a range needs only that both sort ids alike,
 * which every backend's schema makes sure of (byte order, on PostgreSQL {@code COLLATE "C"} on every id).
 */
final class NodeStreams {
    /** Node rows held at once, and the fetch size of every stream. */
    static final int PAGE = 500;

    private static final Map<SQLDialect, NodeStreams> BY_DIALECT = new ConcurrentHashMap<>();

    private final String nodesInOrder;
    private final String labelsInRange;
    private final String commandsInRange;
    private final String linksInOrder;

    private NodeStreams(DSLContext sql) {
        this.nodesInOrder = sql.render(sql.select(NODE_COLUMNS).from(NODES).orderBy(NODE_ID));
        this.labelsInRange = sql.render(sql.select(NODE_LABEL_NODE, NODE_LABEL_NAME).from(NODE_LABELS)
                .where(NODE_LABEL_NODE.between(DSL.param("first", String.class), DSL.param("last", String.class))));
        this.commandsInRange = sql.render(sql.select(COMMAND_NODE, COMMAND_AC_REF, COMMAND_SHELL, COMMAND_WORKDIR,
                        COMMAND_ENV, COMMAND_ARTIFACTS).from(COMMANDS)
                .where(COMMAND_NODE.between(DSL.param("first", String.class), DSL.param("last", String.class))));
        this.linksInOrder = sql.render(sql.select(LINK_PARENT, LINK_CHILD).from(LINKS).orderBy(LINK_PARENT, LINK_CHILD));
    }

    /** The statements rendered for the dialect of {@code sql}, once per dialect. */
    static NodeStreams of(DSLContext sql) {
        return BY_DIALECT.computeIfAbsent(sql.dialect(), dialect -> new NodeStreams(sql));
    }

    /**
     * Every node, sorted by id, to {@code action}. The statements are prepared for this stream, not taken
     * from the store's statement cache, so that an action may run other queries of the transaction, or even
     * a stream of its own, while this one is open.
     */
    void forEachNode(Connection connection, Consumer<Node> action) throws SQLException {
        try (PreparedStatement nodes = connection.prepareStatement(nodesInOrder);
             PreparedStatement labels = connection.prepareStatement(labelsInRange);
             PreparedStatement commands = connection.prepareStatement(commandsInRange)) {
            nodes.setFetchSize(PAGE);
            List<NodeRows.Row> page = new ArrayList<>(PAGE);
            try (ResultSet rows = nodes.executeQuery()) {
                while (rows.next()) {
                    page.add(new NodeRows.Row(rows));
                    if (page.size() == PAGE) {
                        emit(page, labels, commands, action);
                        page.clear();
                    }
                }
            }
            emit(page, labels, commands, action);
        }
    }

    /** Every link, sorted by parent then child, to {@code action}. */
    void forEachLink(Connection connection, Consumer<Link> action) throws SQLException {
        try (PreparedStatement links = connection.prepareStatement(linksInOrder)) {
            links.setFetchSize(PAGE);
            try (ResultSet rows = links.executeQuery()) {
                while (rows.next()) {
                    action.accept(new Link(rows.getString(1), rows.getString(2)));
                }
            }
        }
    }

    /** The sorted parents of each of {@code ids} that has any, {@value #PAGE} ids to a query. */
    static Map<String, List<String>> parentIdsOf(DSLContext sql, Collection<String> ids) {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += PAGE) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + PAGE));
            for (Record2<String, String> row : sql.select(LINK_CHILD, LINK_PARENT).from(LINKS)
                    .where(LINK_CHILD.in(chunk)).orderBy(LINK_CHILD, LINK_PARENT).fetch()) {
                parents.computeIfAbsent(row.value1(), key -> new ArrayList<>()).add(row.value2());
            }
        }
        return parents;
    }

    /** Gives the nodes of a page to {@code action}, with the labels and specs of the page's id range. */
    private static void emit(List<NodeRows.Row> page, PreparedStatement labels, PreparedStatement commands,
                             Consumer<Node> action) throws SQLException {
        if (page.isEmpty()) {
            return;
        }
        String first = page.get(0).id();
        String last = page.get(page.size() - 1).id();
        Map<String, Set<String>> labelsById = new HashMap<>();
        labels.setString(1, first);
        labels.setString(2, last);
        try (ResultSet rows = labels.executeQuery()) {
            while (rows.next()) {
                labelsById.computeIfAbsent(rows.getString(1), key -> new TreeSet<>()).add(rows.getString(2));
            }
        }
        Map<String, CommandSpec> commandsById = new HashMap<>();
        if (page.stream().anyMatch(row -> row.layer() == Layer.COMMAND)) {
            commands.setString(1, first);
            commands.setString(2, last);
            try (ResultSet rows = commands.executeQuery()) {
                while (rows.next()) {
                    commandsById.put(rows.getString(1), NodeRows.command(rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6)));
                }
            }
        }
        for (NodeRows.Row row : page) {
            action.accept(row.node(labelsById.getOrDefault(row.id(), Set.of()), commandsById.get(row.id())));
        }
    }
}
