package dev.cairn.store.jdbc;

import static dev.cairn.store.jdbc.Schema.EVENTS;
import static dev.cairn.store.jdbc.Schema.EVENT_ACTOR;
import static dev.cairn.store.jdbc.Schema.EVENT_AT;
import static dev.cairn.store.jdbc.Schema.EVENT_DETAILS;
import static dev.cairn.store.jdbc.Schema.EVENT_NODE;
import static dev.cairn.store.jdbc.Schema.EVENT_SEQ;
import static dev.cairn.store.jdbc.Schema.EVENT_TYPE;

import dev.cairn.core.Event;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectConditionStep;

/**
 * Reads of the events table, as jOOQ queries; appends go through {@link BatchWriter}. Made for one
 * transaction, on the thread of its unit of work; not thread-safe.
 */
final class EventRows {
    private static final List<Field<?>> EVENT_COLUMNS =
            List.of(EVENT_SEQ, EVENT_NODE, EVENT_TYPE, EVENT_AT, EVENT_ACTOR, EVENT_DETAILS);

    private final DSLContext sql;

    EventRows(DSLContext sql) {
        this.sql = sql;
    }

    /** The events of one node, in sequence order. */
    List<Event> of(String nodeId) {
        return where(EVENT_NODE.eq(nodeId)).orderBy(EVENT_SEQ).fetch(EventRows::event);
    }

    /** Up to {@code limit} events (at least one) after {@code afterSequence}, in sequence order. */
    List<Event> after(long afterSequence, int limit) {
        return where(EVENT_SEQ.gt(afterSequence)).orderBy(EVENT_SEQ).limit(Math.max(1, limit)).fetch(EventRows::event);
    }

    private SelectConditionStep<Record> where(Condition where) {
        return sql.select(EVENT_COLUMNS).from(EVENTS).where(where);
    }

    private static Event event(Record row) {
        return new Event(row.get(EVENT_SEQ), row.get(EVENT_NODE), NodeRows.eventType(row.get(EVENT_TYPE)),
                NodeRows.instant(row.get(EVENT_AT)), row.get(EVENT_ACTOR), Json.readObject(row.get(EVENT_DETAILS)));
    }
}
