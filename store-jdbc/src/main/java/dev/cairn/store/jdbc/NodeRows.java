package dev.cairn.store.jdbc;

import static dev.cairn.store.jdbc.Schema.COMMAND_AC_REF;
import static dev.cairn.store.jdbc.Schema.COMMAND_ARTIFACTS;
import static dev.cairn.store.jdbc.Schema.COMMAND_ENV;
import static dev.cairn.store.jdbc.Schema.COMMAND_SHELL;
import static dev.cairn.store.jdbc.Schema.COMMAND_WORKDIR;
import static dev.cairn.store.jdbc.Schema.NODE_ASSIGNEE;
import static dev.cairn.store.jdbc.Schema.NODE_COMPLETED_AT;
import static dev.cairn.store.jdbc.Schema.NODE_CREATED_AT;
import static dev.cairn.store.jdbc.Schema.NODE_CUSTOM_FIELDS;
import static dev.cairn.store.jdbc.Schema.NODE_DESCRIPTION;
import static dev.cairn.store.jdbc.Schema.NODE_ID;
import static dev.cairn.store.jdbc.Schema.NODE_LAYER;
import static dev.cairn.store.jdbc.Schema.NODE_OWNER;
import static dev.cairn.store.jdbc.Schema.NODE_PROGRESS;
import static dev.cairn.store.jdbc.Schema.NODE_SEVERITY;
import static dev.cairn.store.jdbc.Schema.NODE_STARTED_AT;
import static dev.cairn.store.jdbc.Schema.NODE_STATUS;
import static dev.cairn.store.jdbc.Schema.NODE_TITLE;
import static dev.cairn.store.jdbc.Schema.NODE_UPDATED_AT;
import static dev.cairn.store.jdbc.Schema.NODE_VERSION;
import static dev.cairn.store.jdbc.Schema.NODE_WORK_TYPE;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.EventType;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.RunSpec;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.StoreException;
import dev.cairn.core.WorkType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.Record;

/**
 * Between domain values and column values. Enums are stored by their wire names (layers by their
 * display names, as ToDoWrite writes them), times as epoch milliseconds. Stateless and thread-safe.
 */
final class NodeRows {
    private static final Map<String, Layer> LAYERS = new HashMap<>();
    /** Wire names by enum type, in ordinal order: a batch writes a few per row. */
    private static final ClassValue<String[]> WIRE_NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()
                    .toLowerCase(Locale.ROOT)).toArray(String[]::new);
        }
    };

    static {
        for (Layer layer : Layer.values()) {
            LAYERS.put(layer.displayName(), layer);
        }
    }

    private NodeRows() {
    }

    /** A node of a row with the {@link Schema#NODE_COLUMNS}, given its labels and command spec. */
    static Node node(Record row, Set<String> labels, CommandSpec command) {
        return new Row(row).node(labels, command);
    }

    static CommandSpec command(Record row) {
        return command(row.get(COMMAND_AC_REF), row.get(COMMAND_SHELL), row.get(COMMAND_WORKDIR), row.get(COMMAND_ENV),
                row.get(COMMAND_ARTIFACTS));
    }

    /** A command spec of its stored columns; env and artifacts are JSON. */
    static CommandSpec command(String acRef, String shell, String workdir, String env, String artifacts) {
        return new CommandSpec(acRef, new RunSpec(shell, workdir, Json.readStrings(env)), Json.readStringList(artifacts));
    }

    static Layer layer(String stored) {
        return layer(stored, null);
    }

    /** The layer of a row; one stored by no known name fails naming the node, when known, and the doctor. */
    static Layer layer(String stored, String nodeId) {
        Layer layer = LAYERS.get(stored);
        if (layer == null) {
            throw unknown(nodeId, "layer", stored, Arrays.stream(Layer.values()).map(Layer::displayName).toList());
        }
        return layer;
    }

    static String layer(Layer layer) {
        return layer.displayName();
    }

    static Status status(String stored) {
        return status(stored, null);
    }

    /** The status of a row; one stored by no known name fails naming the node, when known, and the doctor. */
    static Status status(String stored, String nodeId) {
        try {
            return Status.valueOf(upper(stored));
        } catch (IllegalArgumentException unknown) {
            throw unknown(nodeId, "status", stored, Arrays.asList(WIRE_NAMES.get(Status.class)));
        }
    }

    private static <E extends Enum<E>> E known(Class<E> type, String field, String stored, String nodeId) {
        try {
            return Enum.valueOf(type, upper(stored));
        } catch (IllegalArgumentException unknown) {
            throw unknown(nodeId, field, stored, Arrays.asList(WIRE_NAMES.get(type)));
        }
    }

    /**
     * The failure to read a value that no Cairn wrote: the schema's checks forbid it, so another tool wrote it
     * past them. The doctor finds every such value, and rewrites those it reads unambiguously.
     */
    private static StoreException unknown(String nodeId, String field, String stored, List<String> known) {
        return new StoreException((nodeId == null ? "A node" : "Node " + nodeId) + " has " + field + " '" + stored
                + "' in the database, which is none of " + known + ": a tool other than Cairn wrote it. "
                + "Doctor.examine(cairn) (dev.cairn.core.doctor.Doctor) lists every such value, and Doctor.repair(cairn) "
                + "rewrites those it reads unambiguously; set the others by hand.");
    }

    static EventType eventType(String stored) {
        return EventType.valueOf(upper(stored));
    }

    static String wire(Enum<?> value) {
        return value == null ? null : WIRE_NAMES.get(value.getDeclaringClass())[value.ordinal()];
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    /**
     * A node row, in the order of {@link Schema#NODE_COLUMNS}, as jOOQ or plain JDBC reads it: one mapping
     * from columns to a node for both. Not thread-safe; used where it is read.
     */
    static final class Row {
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
            layer = NodeRows.layer(rows.getString(2), id);
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

        Row(Record row) {
            id = row.get(NODE_ID);
            layer = NodeRows.layer(row.get(NODE_LAYER), id);
            title = row.get(NODE_TITLE);
            description = row.get(NODE_DESCRIPTION);
            status = row.get(NODE_STATUS);
            progress = row.get(NODE_PROGRESS);
            owner = row.get(NODE_OWNER);
            assignee = row.get(NODE_ASSIGNEE);
            severity = row.get(NODE_SEVERITY);
            workType = row.get(NODE_WORK_TYPE);
            startedAt = row.get(NODE_STARTED_AT);
            completedAt = row.get(NODE_COMPLETED_AT);
            createdAt = row.get(NODE_CREATED_AT);
            updatedAt = row.get(NODE_UPDATED_AT);
            version = row.get(NODE_VERSION);
            customFields = row.get(NODE_CUSTOM_FIELDS);
        }

        String id() {
            return id;
        }

        Layer layer() {
            return layer;
        }

        Node node(Set<String> labels, CommandSpec command) {
            return Node.builder(id, layer).title(title).description(description).status(status(status, id))
                    .progress(progress).owner(owner).assignee(assignee)
                    .severity(severity == null ? null : known(Severity.class, "severity", severity, id))
                    .workType(workType == null ? null : known(WorkType.class, "workType", workType, id))
                    .labels(labels).startedAt(instant(startedAt)).completedAt(instant(completedAt))
                    .createdAt(Instant.ofEpochMilli(createdAt)).updatedAt(Instant.ofEpochMilli(updatedAt))
                    .version(version).customFields(Json.readObject(customFields)).command(command).build();
        }

        private static Long nullableLong(ResultSet rows, int column) throws SQLException {
            long value = rows.getLong(column);
            return rows.wasNull() ? null : value;
        }
    }
}
