package dev.cairn.store.jdbc;

import static dev.cairn.store.jdbc.Schema.LABELS;
import static dev.cairn.store.jdbc.Schema.LABEL_DESCRIPTION;
import static dev.cairn.store.jdbc.Schema.LABEL_NAME;

import dev.cairn.core.Label;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep2;
import org.jooq.Record;

/**
 * The labels table, as jOOQ queries. Made for one transaction, on the thread of its unit of work; not
 * thread-safe.
 */
final class LabelRows {
    private final UnitOfWork unit;
    private final DSLContext sql;

    LabelRows(UnitOfWork unit, DSLContext sql) {
        this.unit = unit;
        this.sql = sql;
    }

    /** Defines a label, or changes the description of one defined already. */
    void put(Label label) {
        int updated = sql.update(LABELS).set(LABEL_DESCRIPTION, label.description())
                .where(LABEL_NAME.eq(label.name())).execute();
        if (updated == 0) {
            InsertValuesStep2<Record, String, String> insert = sql.insertInto(LABELS, LABEL_NAME, LABEL_DESCRIPTION)
                    .values(label.name(), label.description());
            if (unit.dialect().failureAbortsTransaction()) {
                // A concurrent transaction may have inserted it meanwhile; its description then wins.
                insert.onConflictDoNothing().execute();
            } else {
                insert.execute();
            }
        }
    }

    Optional<Label> get(String name) {
        return sql.select(LABEL_NAME, LABEL_DESCRIPTION).from(LABELS).where(LABEL_NAME.eq(name))
                .fetchOptional(row -> new Label(row.value1(), row.value2()));
    }

    List<Label> all() {
        return sql.select(LABEL_NAME, LABEL_DESCRIPTION).from(LABELS).orderBy(LABEL_NAME)
                .fetch(row -> new Label(row.value1(), row.value2()));
    }
}
