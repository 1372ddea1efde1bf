package dev.cairn.migrations.internal;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;

/** Prints what a migrate would execute, in order, as runnable SQL. Not thread-safe. */
final class DryRunPrinter {
    private final Session session;
    private final PrintWriter out;
    /** Unqualified, as the script is for a session in the schema, the way a user would run it. */
    private final HistoryTable history;

    DryRunPrinter(Session session, PrintWriter out) {
        this.session = session;
        this.out = out;
        this.history = new HistoryTable(session.dialect(), session.history.name());
    }

    void print(List<ResolvedMigration> pending, List<Plan.PendingRepeatable> repeatables) throws SQLException {
        out.println("-- Dry run on " + session.target + ": " + (pending.size() + repeatables.size())
                + " pending migration(s); nothing is changed.");
        if (!session.historyExists()) {
            for (String statement : history.createStatements()) {
                out.println(statement + ";");
            }
        }
        MigrationRunner runner = new MigrationRunner(session);
        for (ResolvedMigration migration : pending) {
            MigrationWork work = runner.work(migration, false);
            out.println();
            out.println("-- Migration " + migration.label() + (work.outsideTransaction()
                    ? ", outside a transaction" : ", in one transaction"));
            if (work.java() != null) {
                out.println("-- (Java migration " + work.script() + ": runs code, statements unknown)");
            }
            for (String note : work.notes()) {
                out.println("-- " + note);
            }
            for (SqlStatement statement : work.statements()) {
                out.println(statement.asScript());
            }
            out.println(history.insertLiteral(session.newRow(migration, 0, true)) + ";");
        }
        for (Plan.PendingRepeatable repeatable : repeatables) {
            MigrationWork work = runner.work(repeatable.migration(), false);
            out.println();
            out.println("-- Repeatable migration " + repeatable.migration().label() + (repeatable.row() == null
                    ? ", first time" : ", changed since it was applied") + ", in one transaction");
            for (SqlStatement statement : work.statements()) {
                out.println(statement.asScript());
            }
            if (repeatable.row() == null) {
                out.println(history.insertLiteral(session.newRow(repeatable.migration(), 0, true)) + ";");
            } else {
                out.println("UPDATE " + history.qualifiedName() + " SET checksum = '" + repeatable.migration().checksum()
                        + "' WHERE installed_rank = " + repeatable.row().rank() + ";");
            }
        }
    }
}
