package dev.cairn.store.jdbc;

import static dev.cairn.store.jdbc.Schema.NODE_COLUMNS;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.Node;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Field;

/**
 * A node as the values of its columns: the one mapping from a {@link Node} to the rows it is stored in, used by
 * the single insert and update (through jOOQ) and by the batch insert (bound straight to a statement), so that a
 * new field is mapped once. {@link NodeRows.Row} is the way back. Stateless and thread-safe.
 */
final class NodeColumns {
    private NodeColumns() {
    }

    /** The values of the {@link Schema#NODE_COLUMNS} of {@code node}, in their order. */
    static Object[] values(Node node) {
        return new Object[] {node.id(), NodeRows.layer(node.layer()), node.title(), node.description(),
                NodeRows.wire(node.status()), node.progress(), node.owner(), node.assignee(),
                NodeRows.wire(node.severity()), NodeRows.wire(node.workType()), NodeRows.millis(node.startedAt()),
                NodeRows.millis(node.completedAt()), NodeRows.millis(node.createdAt()),
                NodeRows.millis(node.updatedAt()), node.version(), Json.write(node.customFields())};
    }

    /** Every column of {@code node}'s row but its id, with its value: what an update sets. */
    static Map<Field<?>, Object> changes(Node node) {
        Object[] values = values(node);
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        for (int column = 1; column < NODE_COLUMNS.length; column++) {
            changes.put(NODE_COLUMNS[column], values[column]);
        }
        return changes;
    }

    /** The values of the {@link Schema#COMMAND_COLUMNS} of {@code node}, which has a command spec. */
    static Object[] commandValues(Node node) {
        CommandSpec command = node.command();
        return new Object[] {node.id(), command.acRef(), command.run().shell(), command.run().workdir(),
                Json.write(command.run().env()), Json.write(command.artifacts())};
    }

    /**
     * Binds {@code values} of {@code columns} to the parameters of {@code statement} after {@code offset}, each with
     * the driver's setter for its column's type.
     */
    static void bind(PreparedStatement statement, int offset, Field<?>[] columns, Object[] values)
            throws SQLException {
        for (int column = 0; column < columns.length; column++) {
            int index = offset + column + 1;
            Object value = values[column];
            Class<?> type = columns[column].getType();
            if (type == Long.class) {
                if (value == null) {
                    statement.setNull(index, Types.BIGINT);
                } else {
                    statement.setLong(index, (Long) value);
                }
            } else if (type == Integer.class) {
                if (value == null) {
                    statement.setNull(index, Types.INTEGER);
                } else {
                    statement.setInt(index, (Integer) value);
                }
            } else {
                statement.setString(index, (String) value);
            }
        }
    }
}
