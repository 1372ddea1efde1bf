package dev.cairn.store.jdbc;

import static dev.cairn.store.jdbc.Schema.COMMANDS;
import static dev.cairn.store.jdbc.Schema.COMMAND_AC_REF;
import static dev.cairn.store.jdbc.Schema.COMMAND_ARTIFACTS;
import static dev.cairn.store.jdbc.Schema.COMMAND_ENV;
import static dev.cairn.store.jdbc.Schema.COMMAND_NODE;
import static dev.cairn.store.jdbc.Schema.COMMAND_SHELL;
import static dev.cairn.store.jdbc.Schema.COMMAND_WORKDIR;
import static dev.cairn.store.jdbc.Schema.NODES;
import static dev.cairn.store.jdbc.Schema.NODE_COLUMNS;
import static dev.cairn.store.jdbc.Schema.NODE_ID;
import static dev.cairn.store.jdbc.Schema.NODE_LABELS;
import static dev.cairn.store.jdbc.Schema.NODE_LABEL_NAME;
import static dev.cairn.store.jdbc.Schema.NODE_LABEL_NODE;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The hottest reads, a node by its id and the walks below and above a node, in plain JDBC: their SQL
 * rendered by jOOQ once per store rather than once per call, their statements kept per connection by the
 * store's own pool, their rows read straight from the result set into nodes. Everything else goes through
 * jOOQ, where rendering is small beside the work. Immutable and thread-safe.
 */
final class NodeReads {
    private final String nodeById;
    private final String labelsOfNode;
    private final String commandOfNode;
    private final Walk down;
    private final Walk up;

    NodeReads(JdbcDialect dialect, Settings settings) {
        DSLContext sql = DSL.using(dialect.sqlDialect(), settings);
        this.nodeById = sql.render(sql.select(NODE_COLUMNS).from(NODES).where(NODE_ID.eq(DSL.param("id", String.class))));
        this.labelsOfNode = sql.render(sql.select(NODE_LABEL_NAME).from(NODE_LABELS)
                .where(NODE_LABEL_NODE.eq(DSL.param("id", String.class))));
        this.commandOfNode = sql.render(sql.select(COMMAND_AC_REF, COMMAND_SHELL, COMMAND_WORKDIR, COMMAND_ENV,
                COMMAND_ARTIFACTS).from(COMMANDS).where(COMMAND_NODE.eq(DSL.param("id", String.class))));
        this.down = new Walk(sql, true);
        this.up = new Walk(sql, false);
    }

    Optional<Node> node(Connections connections, Connection connection, String id) throws SQLException {
        NodeRows.Row row = connections.withStatement(connection, nodeById, statement -> {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new NodeRows.Row(rows) : null;
            }
        });
        if (row == null) {
            return Optional.empty();
        }
        Set<String> labels = connections.withStatement(connection, labelsOfNode, statement -> {
            statement.setString(1, id);
            Set<String> names = new TreeSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
        CommandSpec command = row.layer() != Layer.COMMAND ? null
                : connections.withStatement(connection, commandOfNode, statement -> {
                    statement.setString(1, id);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? command(rows, 1) : null;
                    }
                });
        return Optional.of(row.node(labels, command));
    }

    /**
     * Every node below ({@code downward}) or above {@code start}, each once, start left out: one recursive
     * query for the rows, one for their labels, one for command specs when there are Command nodes among them.
     */
    List<Node> walk(Connections connections, Connection connection, String start, boolean downward)
            throws SQLException {
        Walk walk = downward ? down : up;
        List<NodeRows.Row> rows = connections.withStatement(connection, walk.nodes, statement -> {
            statement.setString(1, start);
            List<NodeRows.Row> found = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    found.add(new NodeRows.Row(result));
                }
            }
            return found;
        });
        if (rows.isEmpty()) {
            return new ArrayList<>();
        }
        Map<String, Set<String>> labels = connections.withStatement(connection, walk.labels, statement -> {
            statement.setString(1, start);
            Map<String, Set<String>> found = new HashMap<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    found.computeIfAbsent(result.getString(1), key -> new TreeSet<>()).add(result.getString(2));
                }
            }
            return found;
        });
        Map<String, CommandSpec> commands = Map.of();
        if (rows.stream().anyMatch(row -> row.layer() == Layer.COMMAND)) {
            commands = connections.withStatement(connection, walk.commands, statement -> {
                statement.setString(1, start);
                Map<String, CommandSpec> found = new HashMap<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        found.put(result.getString(1), command(result, 2));
                    }
                }
                return found;
            });
        }
        List<Node> nodes = new ArrayList<>(rows.size());
        for (NodeRows.Row row : rows) {
            nodes.add(row.node(labels.getOrDefault(row.id(), Set.of()), commands.get(row.id())));
        }
        return nodes;
    }

    /** A command spec from the columns ac_ref, shell, workdir, env, artifacts, starting at {@code first}. */
    private static CommandSpec command(ResultSet rows, int first) throws SQLException {
        return NodeRows.command(rows.getString(first), rows.getString(first + 1), rows.getString(first + 2),
                rows.getString(first + 3), rows.getString(first + 4));
    }

    /** The three statements of a walk in one direction, rendered once. */
    private static final class Walk {
        private final String nodes;
        private final String labels;
        private final String commands;

        Walk(DSLContext sql, boolean down) {
            CommonTableExpression<Record1<String>> walk = Walks.walk(DSL.param("start", String.class), down);
            Field<String> walkId = Walks.WALK_ID;
            // IN, not JOIN: H2 keeps the duplicates of a recursive UNION, and IN lists each node once anyway.
            this.nodes = sql.render(sql.withRecursive(walk).select(NODE_COLUMNS).from(NODES)
                    .where(NODE_ID.in(DSL.select(walkId).from(walk))));
            this.labels = sql.render(sql.withRecursive(walk).select(NODE_LABEL_NODE, NODE_LABEL_NAME).from(NODE_LABELS)
                    .where(NODE_LABEL_NODE.in(DSL.select(walkId).from(walk))));
            this.commands = sql.render(sql.withRecursive(walk).select(COMMAND_NODE, COMMAND_AC_REF, COMMAND_SHELL,
                    COMMAND_WORKDIR, COMMAND_ENV, COMMAND_ARTIFACTS).from(COMMANDS)
                    .where(COMMAND_NODE.in(DSL.select(walkId).from(walk))));
        }
    }
}
