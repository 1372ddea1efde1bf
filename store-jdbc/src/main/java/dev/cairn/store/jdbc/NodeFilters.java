package dev.cairn.store.jdbc;

import static dev.cairn.store.jdbc.Schema.LINKS;
import static dev.cairn.store.jdbc.Schema.LINK_CHILD;
import static dev.cairn.store.jdbc.Schema.LINK_PARENT;
import static dev.cairn.store.jdbc.Schema.NODE_ASSIGNEE;
import static dev.cairn.store.jdbc.Schema.NODE_CREATED_AT;
import static dev.cairn.store.jdbc.Schema.NODE_DESCRIPTION;
import static dev.cairn.store.jdbc.Schema.NODE_ID;
import static dev.cairn.store.jdbc.Schema.NODE_LABELS;
import static dev.cairn.store.jdbc.Schema.NODE_LABEL_NAME;
import static dev.cairn.store.jdbc.Schema.NODE_LABEL_NODE;
import static dev.cairn.store.jdbc.Schema.NODE_LAYER;
import static dev.cairn.store.jdbc.Schema.NODE_OWNER;
import static dev.cairn.store.jdbc.Schema.NODE_PROGRESS;
import static dev.cairn.store.jdbc.Schema.NODE_SEVERITY;
import static dev.cairn.store.jdbc.Schema.NODE_STATUS;
import static dev.cairn.store.jdbc.Schema.NODE_TITLE;
import static dev.cairn.store.jdbc.Schema.NODE_UPDATED_AT;
import static dev.cairn.store.jdbc.Schema.NODE_WORK_TYPE;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

import dev.cairn.core.Layer;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.Status;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * A {@link NodeQuery} as SQL: every filter a condition on the nodes table, the sort an ORDER BY that breaks
 * ties by id ascending, as the memory store does. Stateless and thread-safe.
 */
final class NodeFilters {
    private static final char ESCAPE = '!';

    private NodeFilters() {
    }

    static Condition where(NodeQuery query, JdbcDialect dialect) {
        Condition where = noCondition();
        if (!query.layers().isEmpty()) {
            where = where.and(NODE_LAYER.in(query.layers().stream().map(NodeRows::layer).toList()));
        }
        if (!query.statuses().isEmpty()) {
            where = where.and(NODE_STATUS.in(wires(query.statuses())));
        }
        if (query.owner().isPresent()) {
            where = where.and(NODE_OWNER.eq(query.owner().get()));
        }
        if (query.assignee().isPresent()) {
            where = where.and(NODE_ASSIGNEE.eq(query.assignee().get()));
        }
        if (!query.severities().isEmpty()) {
            where = where.and(NODE_SEVERITY.in(wires(query.severities())));
        }
        if (!query.workTypes().isEmpty()) {
            where = where.and(NODE_WORK_TYPE.in(wires(query.workTypes())));
        }
        if (!query.anyLabels().isEmpty()) {
            where = where.and(exists(selectOne().from(NODE_LABELS)
                    .where(NODE_LABEL_NODE.eq(NODE_ID).and(NODE_LABEL_NAME.in(query.anyLabels())))));
        }
        for (String label : query.allLabels()) {
            where = where.and(exists(selectOne().from(NODE_LABELS)
                    .where(NODE_LABEL_NODE.eq(NODE_ID).and(NODE_LABEL_NAME.eq(label)))));
        }
        if (query.text().isPresent()) {
            String pattern = "%" + escapeLike(query.text().get().toLowerCase(Locale.ROOT)) + "%";
            where = where.and(foldCase(dialect, NODE_TITLE).like(pattern, ESCAPE)
                    .or(foldCase(dialect, NODE_DESCRIPTION).like(pattern, ESCAPE)));
        }
        if (query.parentOf().isPresent()) {
            where = where.and(exists(selectOne().from(LINKS)
                    .where(LINK_PARENT.eq(NODE_ID).and(LINK_CHILD.eq(query.parentOf().get())))));
        }
        if (query.childOf().isPresent()) {
            where = where.and(exists(selectOne().from(LINKS)
                    .where(LINK_PARENT.eq(query.childOf().get()).and(LINK_CHILD.eq(NODE_ID)))));
        }
        if (query.isWithoutParents()) {
            where = where.and(notExists(selectOne().from(LINKS).where(LINK_CHILD.eq(NODE_ID))));
        }
        return where;
    }

    /** {@code text} in lower case, as the dialect folds it for a search that ignores case. */
    private static Field<String> foldCase(JdbcDialect dialect, Field<String> text) {
        return DSL.field(dialect.foldCase(), String.class, text);
    }

    /** The primary key the query names, then the id ascending; descending turns the primary key only. */
    static List<SortField<?>> order(NodeQuery query) {
        Field<?> primary = switch (query.sort()) {
            case ID -> NODE_ID;
            case TITLE -> NODE_TITLE;
            case LAYER -> rank(NODE_LAYER, Layer.values(), NodeRows::layer);
            case STATUS -> rank(NODE_STATUS, Status.values(), NodeRows::wire);
            case PROGRESS -> NODE_PROGRESS;
            case CREATED_AT -> NODE_CREATED_AT;
            case UPDATED_AT -> NODE_UPDATED_AT;
        };
        List<SortField<?>> order = new ArrayList<>(2);
        order.add(query.isDescending() ? primary.desc() : primary.asc());
        if (query.sort() != NodeQuery.Sort.ID) {
            order.add(NODE_ID.asc());
        }
        return order;
    }

    /** The position of a stored enum name in the enum's order, so that SQL sorts as the enum does. */
    private static <E extends Enum<E>> Field<Integer> rank(Field<String> column, E[] values,
                                                          java.util.function.Function<E, String> stored) {
        CaseValueStep<String> choose = DSL.choose(column);
        CaseWhenStep<String, Integer> ranked = choose.when(inline(stored.apply(values[0])), inline(0));
        for (int index = 1; index < values.length; index++) {
            ranked = ranked.when(inline(stored.apply(values[index])), inline(index));
        }
        return ranked.otherwise(inline(values.length));
    }

    private static List<String> wires(Collection<? extends Enum<?>> values) {
        return values.stream().map(NodeRows::wire).toList();
    }

    /** {@code text} with LIKE's wildcards and the escape character itself escaped. */
    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c == '%' || c == '_' || c == ESCAPE) {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
