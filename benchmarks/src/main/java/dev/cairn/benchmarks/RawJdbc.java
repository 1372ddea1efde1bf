package dev.cairn.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw-JDBC baseline of {@link SqlStoreBenchmark}: the rows Cairn writes and reads, on Cairn's own
 * schema, with plain JDBC as a careful hand would write it: prepared statements, JDBC batches, one
 * transaction, no checks and no objects beyond the rows. Not thread-safe.
 */
final class RawJdbc {
    /** Who the events of both sides are by. */
    static final String ACTOR = "bench";
    /** The owner of every node of both sides. */
    static final String OWNER = "ana";
    /** Nodes written at a time: as many nodes and links as one chunk of a Cairn batch. */
    static final int NODES_PER_CHUNK = 500;

    static final String NODE_COLUMNS = "id, layer, title, description, status, progress, owner, assignee, "
            + "severity, work_type, started_at, completed_at, created_at, updated_at, version, custom_fields";

    /** A node as stored, with its labels and, for a Command, its spec's columns. */
    record Row(String id, String layer, String title, String description, String status, int progress,
               String owner, String assignee, String severity, String workType, Long startedAt, Long completedAt,
               long createdAt, long updatedAt, long version, String customFields, List<String> labels,
               List<String> command) {
    }

    private RawJdbc() {
    }

    /** The title both sides give the node of {@code entry}. */
    static String title(TreeShape.Entry entry) {
        return "Node " + entry.id();
    }

    /**
     * Inserts the nodes of {@code entries}, each linked below its parent, with the events Cairn appends for
     * them (created, then linked), in one transaction: per {@link #NODES_PER_CHUNK} nodes their rows, then
     * their links', then their events', in multi-row inserts ({@link MultiRowInsert}), as Cairn writes a chunk.
     *
     * @return the nodes inserted
     */
    static int insert(Connection connection, List<TreeShape.Entry> entries) throws SQLException {
        connection.setAutoCommit(false);
        try (MultiRowInsert nodes = new MultiRowInsert(connection, "cairn_nodes", NODE_COLUMNS.split(", "));
             MultiRowInsert links = new MultiRowInsert(connection, "cairn_links", "parent_id", "child_id");
             MultiRowInsert events = new MultiRowInsert(connection, "cairn_events", "node_id", "event_type",
                     "occurred_at", "actor", "details")) {
            int pending = 0;
            for (TreeShape.Entry entry : entries) {
                long now = System.currentTimeMillis();
                String id = entry.id();
                String layer = entry.layer().displayName();
                String title = title(entry);
                nodes.add(id, layer, title, null, "planned", 0, OWNER, null, null, null, null, null, now, now, 1L,
                        null);
                links.add(entry.parentId(), id);
                events.add(id, "created", now, ACTOR,
                        "{\"layer\":" + json(layer) + ",\"title\":" + json(title) + ",\"status\":\"planned\"}");
                events.add(id, "linked", now, ACTOR,
                        "{\"parent\":" + json(entry.parentId()) + ",\"child\":" + json(id) + "}");
                if (++pending == NODES_PER_CHUNK) {
                    flush(nodes, links, events);
                    pending = 0;
                }
            }
            flush(nodes, links, events);
            connection.commit();
        } catch (SQLException | RuntimeException failure) {
            connection.rollback();
            throw failure;
        } finally {
            connection.setAutoCommit(true);
        }
        return entries.size();
    }

    private static void flush(MultiRowInsert nodes, MultiRowInsert links, MultiRowInsert events) throws SQLException {
        nodes.flush();
        links.flush();
        events.flush();
    }

    /** A JSON string: what a hand-written writer of these flat details would do. */
    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * Reads nodes as Cairn reads them, in a read transaction each: the rows, then their labels in one query,
     * then, when there are Command nodes among them, their specs in one more. Statements are prepared once.
     */
    static final class Reader implements AutoCloseable {
        private static final String WALK = "with recursive cairn_walk(id) as ("
                + "select child_id from cairn_links where parent_id = ? "
                + "union select cairn_links.child_id from cairn_links join cairn_walk "
                + "on cairn_links.parent_id = cairn_walk.id) ";

        private final Connection connection;
        private final PreparedStatement node;
        private final PreparedStatement nodeLabels;
        private final PreparedStatement nodeCommand;
        private final PreparedStatement walkNodes;
        private final PreparedStatement walkLabels;
        private final PreparedStatement walkCommands;

        Reader(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            node = connection.prepareStatement("select " + NODE_COLUMNS + " from cairn_nodes where id = ?");
            nodeLabels = connection.prepareStatement("select label_name from cairn_node_labels where node_id = ?");
            nodeCommand = connection.prepareStatement(
                    "select ac_ref, shell, workdir, env, artifacts from cairn_command_specs where node_id = ?");
            walkNodes = connection.prepareStatement(WALK + "select " + NODE_COLUMNS
                    + " from cairn_nodes where id in (select id from cairn_walk)");
            walkLabels = connection.prepareStatement(WALK + "select node_id, label_name from cairn_node_labels "
                    + "where node_id in (select id from cairn_walk)");
            walkCommands = connection.prepareStatement(WALK + "select node_id, ac_ref, shell, workdir, env, artifacts "
                    + "from cairn_command_specs where node_id in (select id from cairn_walk)");
        }

        /** The node {@code id}, or null. */
        Row get(String id) throws SQLException {
            try {
                node.setString(1, id);
                Map<String, List<String>> labels = new HashMap<>();
                Map<String, List<String>> commands = new HashMap<>();
                Row found = null;
                try (ResultSet rows = node.executeQuery()) {
                    if (rows.next()) {
                        found = row(rows, labels, commands);
                    }
                }
                if (found == null) {
                    return null;
                }
                nodeLabels.setString(1, id);
                try (ResultSet rows = nodeLabels.executeQuery()) {
                    while (rows.next()) {
                        found.labels().add(rows.getString(1));
                    }
                }
                if (found.layer().equals("Command")) {
                    nodeCommand.setString(1, id);
                    try (ResultSet rows = nodeCommand.executeQuery()) {
                        if (rows.next()) {
                            for (int column = 1; column <= 5; column++) {
                                found.command().add(rows.getString(column));
                            }
                        }
                    }
                }
                return found;
            } finally {
                connection.commit();
            }
        }

        /** Every node below {@code id}, each once, through the recursive query Cairn runs on SQLite and PostgreSQL. */
        List<Row> descendants(String id) throws SQLException {
            try {
                Map<String, List<String>> labels = new HashMap<>();
                Map<String, List<String>> commands = new HashMap<>();
                List<Row> found = new ArrayList<>();
                boolean anyCommand = false;
                walkNodes.setString(1, id);
                try (ResultSet rows = walkNodes.executeQuery()) {
                    while (rows.next()) {
                        Row row = row(rows, labels, commands);
                        anyCommand |= row.layer().equals("Command");
                        found.add(row);
                    }
                }
                walkLabels.setString(1, id);
                try (ResultSet rows = walkLabels.executeQuery()) {
                    while (rows.next()) {
                        labels.get(rows.getString(1)).add(rows.getString(2));
                    }
                }
                if (anyCommand) {
                    walkCommands.setString(1, id);
                    try (ResultSet rows = walkCommands.executeQuery()) {
                        while (rows.next()) {
                            List<String> command = commands.get(rows.getString(1));
                            for (int column = 2; column <= 6; column++) {
                                command.add(rows.getString(column));
                            }
                        }
                    }
                }
                return found;
            } finally {
                connection.commit();
            }
        }

        /** The row under the cursor; its (empty) label and command lists are registered by id. */
        private static Row row(ResultSet rows, Map<String, List<String>> labels, Map<String, List<String>> commands)
                throws SQLException {
            String id = rows.getString(1);
            List<String> labelList = new ArrayList<>(1);
            List<String> command = new ArrayList<>(0);
            labels.put(id, labelList);
            commands.put(id, command);
            return new Row(id, rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                    rows.getInt(6), rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10),
                    nullableLong(rows, 11), nullableLong(rows, 12), rows.getLong(13), rows.getLong(14),
                    rows.getLong(15), rows.getString(16), labelList, command);
        }

        private static Long nullableLong(ResultSet rows, int column) throws SQLException {
            long value = rows.getLong(column);
            return rows.wasNull() ? null : value;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
