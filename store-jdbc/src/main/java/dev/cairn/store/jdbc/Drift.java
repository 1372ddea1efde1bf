package dev.cairn.store.jdbc;

import static dev.cairn.store.jdbc.Schema.LINKS;
import static dev.cairn.store.jdbc.Schema.LINK_CHILD;
import static dev.cairn.store.jdbc.Schema.LINK_PARENT;
import static dev.cairn.store.jdbc.Schema.NODES;
import static dev.cairn.store.jdbc.Schema.NODE_ID;
import static dev.cairn.store.jdbc.Schema.NODE_LAYER;
import static dev.cairn.store.jdbc.Schema.NODE_PROGRESS;
import static dev.cairn.store.jdbc.Schema.NODE_SEVERITY;
import static dev.cairn.store.jdbc.Schema.NODE_STATUS;
import static dev.cairn.store.jdbc.Schema.NODE_UPDATED_AT;
import static dev.cairn.store.jdbc.Schema.NODE_VERSION;
import static dev.cairn.store.jdbc.Schema.NODE_WORK_TYPE;
import static org.jooq.impl.DSL.choose;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

import dev.cairn.core.Layer;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.WorkType;
import dev.cairn.core.spi.StoredDrift;
import dev.cairn.core.spi.StoredDrift.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.UpdateSetMoreStep;

/**
 * Finds and rewrites the values another tool left in Cairn's tables past its rules, with plain SQL that reads
 * no row as a node (which would fail on them): {@link dev.cairn.core.spi.StoreTransaction#drift()} and
 * {@link dev.cairn.core.spi.StoreTransaction#repairDrift}. Stateless and thread-safe.
 */
final class Drift {
    private static final Table<Record> PARENT = NODES.as("cairn_parent");
    private static final Table<Record> CHILD = NODES.as("cairn_child");
    private static final Field<String> PARENT_ID = field(name("cairn_parent", "id"), String.class);
    private static final Field<String> PARENT_LAYER = field(name("cairn_parent", "layer"), String.class);
    private static final Field<String> CHILD_ID = field(name("cairn_child", "id"), String.class);
    private static final Field<String> CHILD_LAYER = field(name("cairn_child", "layer"), String.class);

    /** The columns a repair may rewrite, by {@link StoredDrift}'s field names. */
    private static final Map<String, Field<String>> TEXT_COLUMNS = Map.of(
            StoredDrift.STATUS, NODE_STATUS, StoredDrift.LAYER, NODE_LAYER,
            StoredDrift.SEVERITY, NODE_SEVERITY, StoredDrift.WORK_TYPE, NODE_WORK_TYPE);

    private Drift() {
    }

    static List<StoredDrift> find(DSLContext sql) {
        List<StoredDrift> found = new ArrayList<>();
        unknown(sql, NODE_LAYER, StoredDrift.LAYER, Arrays.stream(Layer.values()).map(Layer::displayName).toList(), found);
        unknown(sql, NODE_STATUS, StoredDrift.STATUS, wires(Status.values()), found);
        unknown(sql, NODE_SEVERITY, StoredDrift.SEVERITY, wires(Severity.values()), found);
        unknown(sql, NODE_WORK_TYPE, StoredDrift.WORK_TYPE, wires(WorkType.values()), found);
        sql.select(NODE_ID, NODE_PROGRESS).from(NODES).where(NODE_PROGRESS.lt(0).or(NODE_PROGRESS.gt(100)))
                .forEach(row -> found.add(new StoredDrift(row.value1(), StoredDrift.PROGRESS,
                        row.value2().toString(), Problem.OUT_OF_RANGE)));
        sql.select(NODE_ID, NODE_PROGRESS).from(NODES)
                .where(NODE_STATUS.eq(NodeRows.wire(Status.COMPLETED)).and(NODE_PROGRESS.between(0, 99)))
                .forEach(row -> found.add(new StoredDrift(row.value1(), StoredDrift.PROGRESS,
                        row.value2().toString(), Problem.COMPLETED_NOT_100)));
        // Layers of unknown names rank NULL and compare as nothing: reported above, not here.
        sql.select(LINK_PARENT, LINK_CHILD).from(LINKS)
                .join(PARENT).on(PARENT_ID.eq(LINK_PARENT))
                .join(CHILD).on(CHILD_ID.eq(LINK_CHILD))
                .where(rank(PARENT_LAYER).ge(rank(CHILD_LAYER)))
                .forEach(row -> found.add(new StoredDrift(row.value2(), StoredDrift.PARENT, row.value1(),
                        Problem.AGAINST_LAYER_ORDER)));
        sql.select(LINK_PARENT, LINK_CHILD).from(LINKS)
                .where(notExists(selectOne().from(NODES).where(NODE_ID.eq(LINK_PARENT))))
                .forEach(row -> found.add(new StoredDrift(row.value2(), StoredDrift.PARENT, row.value1(),
                        Problem.PARENT_MISSING)));
        sql.select(LINK_PARENT, LINK_CHILD).from(LINKS)
                .where(notExists(selectOne().from(NODES).where(NODE_ID.eq(LINK_CHILD))))
                .forEach(row -> found.add(new StoredDrift(row.value2(), StoredDrift.PARENT, row.value1(),
                        Problem.CHILD_MISSING)));
        found.sort(Comparator.comparing(StoredDrift::nodeId).thenComparing(StoredDrift::field)
                .thenComparing(StoredDrift::storedValue).thenComparing(StoredDrift::problem));
        return found;
    }

    /** Rows whose {@code column} holds a value, not null, outside {@code known}. */
    private static void unknown(DSLContext sql, Field<String> column, String fieldName, List<String> known,
                                List<StoredDrift> found) {
        sql.select(NODE_ID, column).from(NODES).where(column.isNotNull().and(column.notIn(known)))
                .forEach(row -> found.add(new StoredDrift(row.value1(), fieldName, row.value2(),
                        Problem.UNKNOWN_VALUE)));
    }

    /** A layer's index, 1 for Goal to 12 for Command, as SQL; NULL for a name no layer has. */
    private static Field<Integer> rank(Field<String> layer) {
        CaseValueStep<String> byName = choose(layer);
        CaseWhenStep<String, Integer> rank = null;
        for (Layer each : Layer.values()) {
            rank = rank == null ? byName.when(inline(each.displayName()), inline(each.index()))
                    : rank.when(inline(each.displayName()), inline(each.index()));
        }
        return rank;
    }

    /** Rewrites the drifted values of one row in one UPDATE that holds only while they are still stored. */
    static boolean repair(DSLContext sql, String nodeId, Map<StoredDrift, String> repairs, Instant at) {
        Objects.requireNonNull(nodeId, "nodeId");
        if (repairs.isEmpty()) {
            return false;
        }
        Map<String, StoredDrift> byField = new HashMap<>();
        UpdateSetMoreStep<Record> update = sql.update(NODES).set(NODE_VERSION, NODE_VERSION.plus(1))
                .set(NODE_UPDATED_AT, at.toEpochMilli());
        Condition stillDrifted = NODE_ID.eq(nodeId);
        for (Map.Entry<StoredDrift, String> repair : repairs.entrySet()) {
            StoredDrift drift = repair.getKey();
            if (!drift.nodeId().equals(nodeId) || byField.put(drift.field(), drift) != null) {
                throw new IllegalArgumentException("A repair of node " + nodeId + " takes at most one value per "
                        + "field of that node, not " + drift);
            }
            if (drift.field().equals(StoredDrift.PROGRESS)) {
                update = update.set(NODE_PROGRESS, Integer.parseInt(repair.getValue()));
                stillDrifted = stillDrifted.and(NODE_PROGRESS.eq(Integer.parseInt(drift.storedValue())));
            } else {
                Field<String> column = TEXT_COLUMNS.get(drift.field());
                if (column == null) {
                    throw new IllegalArgumentException("Cannot repair the " + drift.field() + " of node " + nodeId
                            + ": only " + TEXT_COLUMNS.keySet() + " and " + StoredDrift.PROGRESS + " are rewritten.");
                }
                update = update.set(column, repair.getValue());
                stillDrifted = stillDrifted.and(column.eq(drift.storedValue()));
            }
        }
        return update.where(stillDrifted).execute() > 0;
    }

    private static List<String> wires(Enum<?>[] values) {
        return Arrays.stream(values).map(NodeRows::wire).toList();
    }
}
