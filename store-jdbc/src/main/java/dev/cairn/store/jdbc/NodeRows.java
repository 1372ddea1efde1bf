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
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
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
        return new Node(row.get(NODE_ID), layer(row.get(NODE_LAYER)), row.get(NODE_TITLE), row.get(NODE_DESCRIPTION),
                status(row.get(NODE_STATUS)), row.get(NODE_PROGRESS), row.get(NODE_OWNER), row.get(NODE_ASSIGNEE),
                row.get(NODE_SEVERITY) == null ? null : Severity.valueOf(upper(row.get(NODE_SEVERITY))),
                row.get(NODE_WORK_TYPE) == null ? null : WorkType.valueOf(upper(row.get(NODE_WORK_TYPE))),
                labels, instant(row.get(NODE_STARTED_AT)), instant(row.get(NODE_COMPLETED_AT)),
                instant(row.get(NODE_CREATED_AT)), instant(row.get(NODE_UPDATED_AT)), row.get(NODE_VERSION),
                Json.readObject(row.get(NODE_CUSTOM_FIELDS)), command);
    }

    static CommandSpec command(Record row) {
        return new CommandSpec(row.get(COMMAND_AC_REF), new RunSpec(row.get(COMMAND_SHELL), row.get(COMMAND_WORKDIR),
                Json.readStrings(row.get(COMMAND_ENV))), Json.readStringList(row.get(COMMAND_ARTIFACTS)));
    }

    static Layer layer(String stored) {
        Layer layer = LAYERS.get(stored);
        if (layer == null) {
            throw new StoreException("Unknown layer '" + stored + "' in the database");
        }
        return layer;
    }

    static String layer(Layer layer) {
        return layer.displayName();
    }

    static Status status(String stored) {
        return Status.valueOf(upper(stored));
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
}
