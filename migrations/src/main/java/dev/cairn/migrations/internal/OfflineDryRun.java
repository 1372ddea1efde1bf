package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationVersion;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The script a migrate would run, written without a database (Flyway's offline dry run): migrations, the
 * history table's DDL and its rows, for a database that has every version up to {@code from} applied (none
 * when absent). Not thread-safe; used once.
 */
public final class OfflineDryRun {
    private final MigratorConfig config;
    private final Dialect dialect;

    public OfflineDryRun(MigratorConfig config) {
        if (config.dialect() == null) {
            throw new MigrationConfigurationException("An offline dry run needs the dialect: give"
                    + " Migrator.builder().dialect(...) (cairn migrate dry-run --offline --dialect postgresql).");
        }
        this.config = config;
        this.dialect = config.dialect();
    }

    /**
     * @param from the version (of every module) taken as applied, or null for an empty database
     * @param target what the script is for, in its header
     * @return the migrations the script applies
     */
    public List<ResolvedMigration> print(MigrationVersion from, String target, PrintWriter out) {
        List<MigrationSet> sets = ModuleOrder.order(config.sets() != null ? config.sets()
                : MigrationSetRegistry.sets(config.classLoader()).stream().filter(set -> set.dialect() == dialect)
                .toList());
        String installedBy = config.installedBy() != null ? config.installedBy() : "cairn";
        List<HistoryRow> applied = new ArrayList<>();
        int rank = 1;
        if (from != null) {
            for (MigrationSet set : sets) {
                TreeMap<MigrationVersion, ResolvedMigration> versions = new TreeMap<>();
                set.migrations().forEach(migration -> versions.put(migration.version(),
                        ResolvedMigration.of(set.module(), migration)));
                for (ResolvedMigration migration : versions.headMap(from, true).values()) {
                    applied.add(row(rank++, migration, installedBy));
                }
            }
        }
        Plan plan = new Plan(sets, applied, config.targets(), config.outOfOrder());
        plan.throwIfInvalid();
        Map<String, String> placeholders = new HashMap<>();
        placeholders.put("schema", config.schema() == null ? "" : config.schema());
        placeholders.put("historyTable", config.historyTable());
        placeholders.putAll(config.placeholders());
        HistoryTable history = new HistoryTable(dialect, config.historyTable());
        List<ResolvedMigration> pending = new ArrayList<>(plan.pending());
        plan.pendingRepeatables().forEach(repeatable -> pending.add(repeatable.migration()));
        out.println("-- Offline dry run for " + dialect + " (" + target + "): " + pending.size()
                + " migration(s)" + (from == null ? " on an empty database" : " after version " + from)
                + "; no database was opened.");
        if (from == null) {
            for (String statement : history.createStatements()) {
                out.println(statement + ";");
            }
        }
        for (ResolvedMigration migration : pending) {
            MigrationWork work = MigrationWork.of(migration, false, dialect, 0, placeholders);
            out.println();
            out.println("-- Migration " + migration.label() + (work.outsideTransaction() ? ", outside a transaction"
                    : ", in one transaction"));
            if (work.java() != null) {
                out.println("-- (Java migration " + work.script() + ": runs code, statements unknown)");
            }
            for (String note : work.notes()) {
                out.println("-- " + note);
            }
            for (SqlStatement statement : work.statements()) {
                out.println(statement.asScript());
            }
            out.println(history.insertLiteral(row(rank++, migration, installedBy)) + ";");
        }
        out.flush();
        return pending;
    }

    private static HistoryRow row(int rank, ResolvedMigration migration, String installedBy) {
        return new HistoryRow(rank, migration.module(), migration.migration().version(),
                migration.migration().description(), migration.type(), migration.migration().script(),
                migration.checksum(), migration.checksumAlgorithm(), installedBy, Instant.EPOCH, 0, true);
    }
}
