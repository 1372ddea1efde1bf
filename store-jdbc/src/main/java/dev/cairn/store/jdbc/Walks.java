package dev.cairn.store.jdbc;

import static dev.cairn.store.jdbc.Schema.LINKS;
import static dev.cairn.store.jdbc.Schema.LINK_CHILD;
import static dev.cairn.store.jdbc.Schema.LINK_PARENT;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

import dev.cairn.core.Link;
import dev.cairn.core.Node;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record2;

/**
 * The graph walks below and above a node, as the dialect runs them: one recursive query (the nodes through
 * {@link NodeReads}), or one query per level where the database is slow at recursion. Made for one
 * transaction, on the thread of its unit of work; not thread-safe.
 */
final class Walks {
    static final Field<String> WALK_ID = field(name("cairn_walk", "id"), String.class);

    private final UnitOfWork unit;
    private final DSLContext sql;
    private final NodeLoads loads;

    Walks(UnitOfWork unit, DSLContext sql, NodeLoads loads) {
        this.unit = unit;
        this.sql = sql;
        this.loads = loads;
    }

    /** Every node below ({@code down}) or above {@code id}, each once, the node itself left out. */
    List<Node> nodes(String id, boolean down) throws SQLException {
        if (!unit.dialect().recursiveWalks()) {
            return loads.byIds(byLevels(id, down, null));
        }
        return unit.nodeReads().walk(unit.store().connections(), unit.connection(), id, down);
    }

    /** Every link below {@code id}, in the order of its ends. */
    List<Link> linksBelow(String id) {
        if (!unit.dialect().recursiveWalks()) {
            List<Link> links = new ArrayList<>();
            byLevels(id, true, links);
            return links;
        }
        CommonTableExpression<Record1<String>> walk = walk(val(id), true);
        return sql.withRecursive(walk).select(LINK_PARENT, LINK_CHILD).from(LINKS)
                .where(LINK_PARENT.eq(id).or(LINK_PARENT.in(select(WALK_ID).from(walk))))
                .orderBy(LINK_PARENT, LINK_CHILD)
                .fetch(row -> new Link(row.value1(), row.value2()));
    }

    /**
     * The ids reachable from {@code start}, start left out, each once: UNION (not UNION ALL) drops a node
     * reached twice, so a diamond in the graph costs one row, not one per path.
     */
    static CommonTableExpression<Record1<String>> walk(Field<String> start, boolean down) {
        Field<String> from = down ? LINK_PARENT : LINK_CHILD;
        Field<String> to = down ? LINK_CHILD : LINK_PARENT;
        return name("cairn_walk").fields("id").as(
                select(to).from(LINKS).where(from.eq(start))
                        .union(select(to).from(LINKS).join(table(name("cairn_walk"))).on(from.eq(WALK_ID))));
    }

    /**
     * The ids reachable from {@code start}, start left out, nearest first, with one query per level (per
     * chunk of a level); the links followed are added to {@code links} when it is given.
     */
    private Set<String> byLevels(String start, boolean down, List<Link> links) {
        Field<String> from = down ? LINK_PARENT : LINK_CHILD;
        Field<String> to = down ? LINK_CHILD : LINK_PARENT;
        Set<String> seen = new LinkedHashSet<>();
        List<String> level = List.of(start);
        while (!level.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (int index = 0; index < level.size(); index += NodeLoads.IN_LIST_LIMIT) {
                List<String> chunk = level.subList(index, Math.min(level.size(), index + NodeLoads.IN_LIST_LIMIT));
                for (Record2<String, String> row : sql.select(from, to).from(LINKS).where(from.in(chunk))
                        .orderBy(from, to).fetch()) {
                    if (links != null) {
                        links.add(down ? new Link(row.value1(), row.value2()) : new Link(row.value2(), row.value1()));
                    }
                    if (!row.value2().equals(start) && seen.add(row.value2())) {
                        next.add(row.value2());
                    }
                }
            }
            level = next;
        }
        return seen;
    }
}
