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
import dev.cairn.core.RunSpec;
import dev.cairn.core.Severity;
import dev.cairn.core.WorkType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
        Row row = connections.withStatement(connection, nodeById, statement -> {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new Row(rows) : null;
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
        CommandSpec command = row.layer != Layer.COMMAND ? null
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
        List<Row> rows = connections.withStatement(connection, walk.nodes, statement -> {
            statement.setString(1, start);
            List<Row> found = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    found.add(new Row(result));
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
        if (rows.stream().anyMatch(row -> row.layer == Layer.COMMAND)) {
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
        for (Row row : rows) {
            nodes.add(row.node(labels.getOrDefault(row.id, Set.of()), commands.get(row.id)));
        }
        return nodes;
    }

    /** A command spec from the columns ac_ref, shell, workdir, env, artifacts, starting at {@code first}. */
    private static CommandSpec command(ResultSet rows, int first) throws SQLException {
        return new CommandSpec(rows.getString(first), new RunSpec(rows.getString(first + 1), rows.getString(first + 2),
                Json.readStrings(rows.getString(first + 3))), Json.readStringList(rows.getString(first + 4)));
    }

    /** The three statements of a walk in one direction, rendered once. */
    private static final class Walk {
        private final String nodes;
        private final String labels;
        private final String commands;

        Walk(DSLContext sql, boolean down) {
            CommonTableExpression<Record1<String>> walk = JdbcTransaction.walk(DSL.param("start", String.class), down);
            Field<String> walkId = JdbcTransaction.WALK_ID;
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

    /** A node row, in the order of {@link Schema#NODE_COLUMNS}. */
    private static final class Row {
        private final String id;
        private final Layer layer;
        private final String title;
        private final String description;
        private final String status;
        private final int progress;
        private final String owner;
        private final String assignee;
        private final String severity;
        private final String workType;
        private final Long startedAt;
        private final Long completedAt;
        private final long createdAt;
        private final long updatedAt;
        private final long version;
        private final String customFields;

        Row(ResultSet rows) throws SQLException {
            id = rows.getString(1);
            layer = NodeRows.layer(rows.getString(2));
            title = rows.getString(3);
            description = rows.getString(4);
            status = rows.getString(5);
            progress = rows.getInt(6);
            owner = rows.getString(7);
            assignee = rows.getString(8);
            severity = rows.getString(9);
            workType = rows.getString(10);
            startedAt = nullableLong(rows, 11);
            completedAt = nullableLong(rows, 12);
            createdAt = rows.getLong(13);
            updatedAt = rows.getLong(14);
            version = rows.getLong(15);
            customFields = rows.getString(16);
        }

        Node node(Set<String> labels, CommandSpec command) {
            return new Node(id, layer, title, description, NodeRows.status(status), progress, owner, assignee,
                    severity == null ? null : Severity.valueOf(severity.toUpperCase(Locale.ROOT)),
                    workType == null ? null : WorkType.valueOf(workType.toUpperCase(Locale.ROOT)), labels,
                    instant(startedAt), instant(completedAt), Instant.ofEpochMilli(createdAt),
                    Instant.ofEpochMilli(updatedAt), version, Json.readObject(customFields), command);
        }

        private static Long nullableLong(ResultSet rows, int column) throws SQLException {
            long value = rows.getLong(column);
            return rows.wasNull() ? null : value;
        }

        private static Instant instant(Long millis) {
            return millis == null ? null : Instant.ofEpochMilli(millis);
        }
    }
}
