package dev.cairn.store.jdbc;

import static dev.cairn.store.jdbc.Schema.LINKS;
import static dev.cairn.store.jdbc.Schema.LINK_CHILD;
import static dev.cairn.store.jdbc.Schema.LINK_PARENT;
import static org.jooq.impl.DSL.selectOne;

import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.Link;
import dev.cairn.core.NoSuchNodeException;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep2;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;

/**
 * The links table, one link at a time, as jOOQ queries: a link stored twice or to a missing node is the
 * database's to find (primary and foreign keys), recognised through the dialect. Made for one transaction, on
 * the thread of its unit of work; not thread-safe.
 */
final class LinkRows {
    private final UnitOfWork unit;
    private final DSLContext sql;

    LinkRows(UnitOfWork unit, DSLContext sql) {
        this.unit = unit;
        this.sql = sql;
    }

    /**
     * @throws InvalidLinkException when the link is stored already
     * @throws NoSuchNodeException  when an end does not exist
     */
    void insert(Link link) {
        try {
            InsertValuesStep2<Record, String, String> insert = sql.insertInto(LINKS, LINK_PARENT, LINK_CHILD)
                    .values(link.parentId(), link.childId());
            if (unit.dialect().failureAbortsTransaction()) {
                // Core has checked both ends; only a node deleted by a concurrent transaction can still fail
                // the foreign key here, and that failure aborts the transaction, as it must.
                if (insert.onConflictDoNothing().execute() == 0) {
                    throw new InvalidLinkException("Link " + link.parentId() + " → " + link.childId()
                            + " exists already.");
                }
            } else {
                insert.execute();
            }
        } catch (DataAccessException failure) {
            SQLException cause = Failures.sqlCause(failure);
            if (unit.dialect().isUniqueViolation(cause)) {
                throw new InvalidLinkException("Link " + link.parentId() + " → " + link.childId()
                        + " exists already.", failure);
            }
            if (unit.dialect().isForeignKeyViolation(cause)) {
                throw new NoSuchNodeException("Cannot link " + link.parentId() + " → " + link.childId()
                        + ": an end does not exist.", failure);
            }
            throw Failures.translate(unit.store(), failure);
        }
    }

    boolean delete(Link link) {
        return sql.deleteFrom(LINKS).where(LINK_PARENT.eq(link.parentId()).and(LINK_CHILD.eq(link.childId())))
                .execute() > 0;
    }

    boolean exists(Link link) {
        return sql.fetchExists(selectOne().from(LINKS)
                .where(LINK_PARENT.eq(link.parentId()).and(LINK_CHILD.eq(link.childId()))));
    }

    List<String> parentIds(String id) {
        return sql.select(LINK_PARENT).from(LINKS).where(LINK_CHILD.eq(id)).orderBy(LINK_PARENT).fetch(LINK_PARENT);
    }

    List<String> childIds(String id) {
        return sql.select(LINK_CHILD).from(LINKS).where(LINK_PARENT.eq(id)).orderBy(LINK_CHILD).fetch(LINK_CHILD);
    }

    List<Link> all() {
        return sql.select(LINK_PARENT, LINK_CHILD).from(LINKS).orderBy(LINK_PARENT, LINK_CHILD)
                .fetch(row -> new Link(row.value1(), row.value2()));
    }
}
