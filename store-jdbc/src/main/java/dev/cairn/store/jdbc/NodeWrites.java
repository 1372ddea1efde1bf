package dev.cairn.store.jdbc;

import static dev.cairn.store.jdbc.Schema.COMMANDS;
import static dev.cairn.store.jdbc.Schema.COMMAND_COLUMNS;
import static dev.cairn.store.jdbc.Schema.COMMAND_NODE;
import static dev.cairn.store.jdbc.Schema.LABELS;
import static dev.cairn.store.jdbc.Schema.LABEL_NAME;
import static dev.cairn.store.jdbc.Schema.NODES;
import static dev.cairn.store.jdbc.Schema.NODE_COLUMNS;
import static dev.cairn.store.jdbc.Schema.NODE_ID;
import static dev.cairn.store.jdbc.Schema.NODE_LABELS;
import static dev.cairn.store.jdbc.Schema.NODE_LABEL_NAME;
import static dev.cairn.store.jdbc.Schema.NODE_LABEL_NODE;
import static dev.cairn.store.jdbc.Schema.NODE_VERSION;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import dev.cairn.core.DuplicateNodeException;
import dev.cairn.core.Node;
import org.jooq.DSLContext;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.InsertValuesStep2;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;

/**
 * One node's row, label assignments and command spec, inserted, replaced or deleted as jOOQ queries, with the
 * columns of {@link NodeColumns}. A broken primary key is the database's to find, recognised through the
 * dialect. Made for one transaction, on the thread of its unit of work; not thread-safe.
 */
final class NodeWrites {
    private final UnitOfWork unit;
    private final DSLContext sql;

    NodeWrites(UnitOfWork unit, DSLContext sql) {
        this.unit = unit;
        this.sql = sql;
    }

    /** @throws DuplicateNodeException when the primary key refuses the node's id */
    void insert(Node node) {
        try {
            InsertValuesStepN<Record> insert = sql.insertInto(NODES).columns(NODE_COLUMNS)
                    .values(NodeColumns.values(node));
            if (unit.dialect().failureAbortsTransaction()) {
                if (insert.onConflictDoNothing().execute() == 0) {
                    throw new DuplicateNodeException("Node " + node.id() + " exists already.");
                }
            } else {
                insert.execute();
            }
        } catch (DataAccessException failure) {
            if (unit.dialect().isUniqueViolation(Failures.sqlCause(failure))) {
                throw new DuplicateNodeException("Node " + node.id() + " exists already.", failure);
            }
            throw Failures.translate(unit.store(), failure);
        }
        writeLabels(node);
        writeCommand(node);
    }

    /** Replaces the node's row, labels and command spec when its version is {@code expectedVersion}. */
    boolean update(Node node, long expectedVersion) {
        int changed = sql.update(NODES)
                .set(NodeColumns.changes(node))
                .where(NODE_ID.eq(node.id()).and(NODE_VERSION.eq(expectedVersion)))
                .execute();
        if (changed == 0) {
            return false;
        }
        sql.deleteFrom(NODE_LABELS).where(NODE_LABEL_NODE.eq(node.id())).execute();
        sql.deleteFrom(COMMANDS).where(COMMAND_NODE.eq(node.id())).execute();
        writeLabels(node);
        writeCommand(node);
        return true;
    }

    /** Links, label assignments and the command spec go with the node: ON DELETE CASCADE. */
    boolean delete(String id) {
        return sql.deleteFrom(NODES).where(NODE_ID.eq(id)).execute() > 0;
    }

    private void writeLabels(Node node) {
        if (node.labels().isEmpty()) {
            return;
        }
        for (String label : node.labels()) {
            // Portable "insert if missing": ON CONFLICT has no emulation on H2 without generated metadata. Where
            // a failed statement aborts the transaction, a concurrent insert of the same name must not fail it.
            InsertOnDuplicateStep<Record> insert = sql.insertInto(LABELS, LABEL_NAME)
                    .select(select(val(label)).whereNotExists(selectOne().from(LABELS).where(LABEL_NAME.eq(label))));
            if (unit.dialect().failureAbortsTransaction()) {
                insert.onConflictDoNothing().execute();
            } else {
                insert.execute();
            }
        }
        InsertValuesStep2<Record, String, String> insert = sql.insertInto(NODE_LABELS, NODE_LABEL_NODE, NODE_LABEL_NAME);
        for (String label : node.labels()) {
            insert = insert.values(node.id(), label);
        }
        insert.execute();
    }

    private void writeCommand(Node node) {
        if (node.command() == null) {
            return;
        }
        sql.insertInto(COMMANDS).columns(COMMAND_COLUMNS).values(NodeColumns.commandValues(node)).execute();
    }
}
