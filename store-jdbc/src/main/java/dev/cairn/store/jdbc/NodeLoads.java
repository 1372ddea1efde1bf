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
import static dev.cairn.store.jdbc.Schema.NODE_LAYER;
import static org.jooq.impl.DSL.select;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.SelectLimitStep;
import org.jooq.SortField;

/**
 * Whole nodes, many at a time, as jOOQ queries: their rows, then their labels and command specs in one query
 * each; and the layers of nodes, without the rest. Made for one transaction, on the thread of its unit of work;
 * not thread-safe.
 */
final class NodeLoads {
    /** Up to this many ids go into an IN list; a larger set is named by the query that found it. */
    static final int IN_LIST_LIMIT = 500;

    private final DSLContext sql;

    NodeLoads(DSLContext sql) {
        this.sql = sql;
    }

    /** The nodes of {@code ids} that exist, a chunk of ids a query. */
    List<Node> byIds(Collection<String> ids) {
        List<Node> found = new ArrayList<>(ids.size());
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += IN_LIST_LIMIT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST_LIMIT));
            found.addAll(load(NODE_ID.in(chunk), List.of(), null, 0));
        }
        return found;
    }

    /** The layers of the nodes of {@code ids} that exist, by id, read from their layer column only. */
    Map<String, Layer> layers(Collection<String> ids) {
        Map<String, Layer> layers = new HashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += IN_LIST_LIMIT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST_LIMIT));
            for (Record2<String, String> row : sql.select(NODE_ID, NODE_LAYER).from(NODES).where(NODE_ID.in(chunk))
                    .fetch()) {
                layers.put(row.value1(), NodeRows.layer(row.value2(), row.value1()));
            }
        }
        return layers;
    }

    List<Node> load(Condition where, List<SortField<?>> order, Integer limit, int offset) {
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
}
