package dev.cairn.migrations.internal;

import dev.cairn.migrations.Migration;
import dev.cairn.migrations.MigrationChecksumMismatchException;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationState;
import dev.cairn.migrations.MigrationValidationException;
import dev.cairn.migrations.MigrationVersion;
import dev.cairn.migrations.RepeatableMigration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Local migrations matched against the history read once per run: what is pending, what disagrees, and
 * each migration's state. Built per run; not thread-safe.
 */
public final class Plan {
    private final Map<String, TreeMap<MigrationVersion, ResolvedMigration>> local = new LinkedHashMap<>();
    private final Map<String, Map<MigrationVersion, HistoryRow>> applied = new HashMap<>();
    private final Map<String, MigrationVersion> baselines = new HashMap<>();
    private final Map<String, MigrationVersion> targets;
    private final List<String> problems = new ArrayList<>();
    private final Map<Integer, Integer> failedRowProblems = new HashMap<>();
    private final List<HistoryRow> rows;
    private final Map<String, Map<String, ResolvedMigration>> repeatables = new LinkedHashMap<>();
    private final Map<String, Map<String, HistoryRow>> repeatableRows = new HashMap<>();
    private final boolean outOfOrder;
    private boolean checksumProblem;

    public Plan(List<MigrationSet> orderedSets, List<HistoryRow> rows, Map<String, MigrationVersion> targets) {
        this(orderedSets, rows, targets, false);
    }

    /** @param outOfOrder whether a pending version below the newest applied one is applied, not a problem */
    public Plan(List<MigrationSet> orderedSets, List<HistoryRow> rows, Map<String, MigrationVersion> targets,
                boolean outOfOrder) {
        this.rows = rows.stream().filter(row -> !row.isRepeatable()).toList();
        this.targets = targets;
        this.outOfOrder = outOfOrder;
        for (HistoryRow row : rows) {
            if (row.isRepeatable()) {
                repeatableRows.computeIfAbsent(row.module(), module -> new HashMap<>()).put(row.description(), row);
            }
        }
        for (MigrationSet set : orderedSets) {
            TreeMap<MigrationVersion, ResolvedMigration> byVersion = new TreeMap<>();
            for (Migration migration : set.migrations()) {
                ResolvedMigration resolved = ResolvedMigration.of(set.module(), migration);
                ResolvedMigration other = byVersion.putIfAbsent(migration.version(), resolved);
                if (other != null) {
                    problems.add("Module '" + set.module() + "' has two migrations with version "
                            + migration.version() + ": " + other.migration().script() + " and "
                            + migration.script() + ". Give one of them another version.");
                }
            }
            local.put(set.module(), byVersion);
            Map<String, ResolvedMigration> byDescription = new LinkedHashMap<>();
            for (RepeatableMigration repeatable : set.repeatables()) {
                ResolvedMigration other = byDescription.putIfAbsent(repeatable.description(),
                        ResolvedMigration.of(set.module(), repeatable));
                if (other != null) {
                    problems.add("Module '" + set.module() + "' has two repeatable migrations described '"
                            + repeatable.description() + "': " + other.migration().script() + " and "
                            + repeatable.script() + ". Rename one of them.");
                }
            }
            repeatables.put(set.module(), byDescription);
        }
        for (HistoryRow row : this.rows) {
            applied.computeIfAbsent(row.module(), module -> new HashMap<>()).put(row.version(), row);
            if (row.isBaseline()) {
                baselines.merge(row.module(), row.version(), (left, right) -> left.compareTo(right) >= 0 ? left : right);
            }
        }
        checkHistory();
    }

    private void checkHistory() {
        for (HistoryRow row : rows) {
            Map<MigrationVersion, ResolvedMigration> module = local.get(row.module());
            if (module == null || row.isBaseline()) {
                continue;
            }
            ResolvedMigration migration = module.get(row.version());
            if (!row.success()) {
                failedRowProblems.put(row.rank(), problems.size());
                problems.add("Migration " + row.script() + " (module '" + row.module() + "', version " + row.version()
                        + ") failed on an earlier run and may be partly applied. Fix the database by hand, then run"
                        + " repair to remove the failed row before migrating again.");
            } else if (migration == null) {
                problems.add("Applied migration " + row.script() + " (module '" + row.module() + "', version "
                        + row.version() + ") is missing locally. Restore the file, or undo it with the file present.");
            } else if (row.checksum() != null && migration.checksum() != null
                    && !(row.checksum().equals(migration.checksum())
                    && String.valueOf(row.checksumAlgorithm()).equals(migration.checksumAlgorithm()))) {
                checksumProblem = true;
                problems.add(migration.migration().script() + " (module '" + row.module() + "', version "
                        + row.version() + ") changed after it was applied: checksum in history " + row.checksum()
                        + " (" + row.checksumAlgorithm() + "), local file " + migration.checksum() + " ("
                        + migration.checksumAlgorithm() + "). Restore the file, or run repair to accept it.");
            }
        }
        for (Map.Entry<String, TreeMap<MigrationVersion, ResolvedMigration>> module : local.entrySet()) {
            MigrationVersion highest = highestApplied(module.getKey());
            for (ResolvedMigration migration : module.getValue().values()) {
                MigrationState state = state(migration);
                if (!outOfOrder && state == MigrationState.PENDING && highest != null
                        && migration.migration().version().compareTo(highest) < 0) {
                    problems.add(migration.label() + " is not applied, but the later version " + highest
                            + " is. Versions apply in order: give it a version above " + highest + ", or allow"
                            + " it with outOfOrder (Migrator.builder().outOfOrder(true), cairn migrate up"
                            + " --out-of-order).");
                }
            }
        }
    }

    private MigrationVersion highestApplied(String module) {
        MigrationVersion highest = null;
        for (HistoryRow row : applied.getOrDefault(module, Map.of()).values()) {
            if (!row.isBaseline() && (highest == null || row.version().compareTo(highest) > 0)) {
                highest = row.version();
            }
        }
        return highest;
    }

    private MigrationState state(ResolvedMigration migration) {
        MigrationVersion version = migration.migration().version();
        HistoryRow row = applied.getOrDefault(migration.module(), Map.of()).get(version);
        if (row != null && !row.isBaseline()) {
            return row.success() ? MigrationState.APPLIED : MigrationState.FAILED;
        }
        MigrationVersion baseline = baselines.get(migration.module());
        if (baseline != null && version.compareTo(baseline) <= 0) {
            return MigrationState.BELOW_BASELINE;
        }
        MigrationVersion target = targets.get(migration.module());
        if (target != null && version.compareTo(target) > 0) {
            return MigrationState.ABOVE_TARGET;
        }
        return MigrationState.PENDING;
    }

    /** The failed rows of migrations that exist locally, oldest first. */
    public List<HistoryRow> failedRows() {
        return rows.stream().filter(row -> failedRowProblems.containsKey(row.rank())).toList();
    }

    /** Says, in the problem a failed row raises, what its run left behind and how to clear it. */
    public void adviseOn(HistoryRow failed, String advice) {
        Integer index = failedRowProblems.get(failed.rank());
        if (index != null) {
            problems.set(index, problems.get(index) + " " + advice);
        }
    }

    public List<String> problems() {
        return problems;
    }

    /**
     * @throws MigrationConfigurationException when a target names a module or version that does not exist, which
     *                                         would otherwise apply everything below it
     */
    public void checkTargets() {
        for (Map.Entry<String, MigrationVersion> target : targets.entrySet()) {
            TreeMap<MigrationVersion, ResolvedMigration> module = local.get(target.getKey());
            if (module == null) {
                throw new MigrationConfigurationException("Target " + target.getValue() + " names module '"
                        + target.getKey() + "', which has no migrations here. Modules: " + local.keySet() + ".");
            }
            boolean known = module.containsKey(target.getValue())
                    || applied.getOrDefault(target.getKey(), Map.of()).containsKey(target.getValue());
            if (!known) {
                List<String> versions = new ArrayList<>();
                module.keySet().forEach(version -> versions.add(version.toString()));
                throw new MigrationConfigurationException("Target version " + target.getValue() + " of module '"
                        + target.getKey() + "' does not exist. Its versions: " + String.join(", ", versions)
                        + ". Give one of them.");
            }
        }
    }

    public void throwIfInvalid() {
        checkTargets();
        if (problems.isEmpty()) {
            return;
        }
        throw checksumProblem ? new MigrationChecksumMismatchException(problems)
                : new MigrationValidationException(problems);
    }

    /** Pending migrations: modules in dependency order, versions ascending. */
    public List<ResolvedMigration> pending() {
        List<ResolvedMigration> pending = new ArrayList<>();
        for (TreeMap<MigrationVersion, ResolvedMigration> module : local.values()) {
            for (ResolvedMigration migration : module.values()) {
                if (state(migration) == MigrationState.PENDING) {
                    pending.add(migration);
                }
            }
        }
        return pending;
    }

    public ResolvedMigration local(String module, MigrationVersion version) {
        return version == null ? null : local.getOrDefault(module, new TreeMap<>()).get(version);
    }

    public ResolvedMigration localRepeatable(String module, String description) {
        return repeatables.getOrDefault(module, Map.of()).get(description);
    }

    /**
     * A repeatable migration to apply: new, or changed since it was last applied.
     *
     * @param migration the local migration
     * @param row its history row, or null when it was never applied
     */
    public record PendingRepeatable(ResolvedMigration migration, HistoryRow row) {
    }

    /** Repeatable migrations whose checksum differs from the one recorded (or that have none), modules in order. */
    public List<PendingRepeatable> pendingRepeatables() {
        List<PendingRepeatable> pending = new ArrayList<>();
        for (Map.Entry<String, Map<String, ResolvedMigration>> module : repeatables.entrySet()) {
            for (ResolvedMigration migration : module.getValue().values()) {
                HistoryRow row = repeatableRows.getOrDefault(module.getKey(), Map.of())
                        .get(migration.migration().description());
                if (row == null || !row.success() || !migration.checksum().equals(row.checksum())) {
                    pending.add(new PendingRepeatable(migration, row));
                }
            }
        }
        return pending;
    }

    public boolean hasModule(String module) {
        return local.containsKey(module);
    }

    private boolean appliedAfterALaterVersion(HistoryRow row) {
        return rows.stream().anyMatch(earlier -> earlier.rank() < row.rank() && earlier.module().equals(row.module())
                && earlier.success() && !earlier.isBaseline() && earlier.version().compareTo(row.version()) > 0);
    }

    public List<MigrationInfo> infos() {
        List<MigrationInfo> infos = new ArrayList<>();
        for (HistoryRow row : rows) {
            ResolvedMigration migration = local(row.module(), row.version());
            MigrationState state = row.isBaseline() ? MigrationState.BASELINE
                    : !row.success() ? MigrationState.FAILED
                    : migration == null && hasModule(row.module()) ? MigrationState.MISSING
                    : appliedAfterALaterVersion(row) ? MigrationState.OUT_OF_ORDER : MigrationState.APPLIED;
            infos.add(new MigrationInfo(row.module(), row.version(), row.description(), row.script(), state,
                    row.installedOn(), row.executionTimeMillis()));
        }
        for (TreeMap<MigrationVersion, ResolvedMigration> module : local.values()) {
            for (ResolvedMigration migration : module.values()) {
                MigrationState state = state(migration);
                if (state != MigrationState.APPLIED && state != MigrationState.FAILED) {
                    infos.add(new MigrationInfo(migration.module(), migration.migration().version(),
                            migration.migration().description(), migration.migration().script(), state, null, null));
                }
            }
        }
        List<PendingRepeatable> pending = pendingRepeatables();
        for (Map.Entry<String, Map<String, ResolvedMigration>> module : repeatables.entrySet()) {
            for (ResolvedMigration migration : module.getValue().values()) {
                HistoryRow row = repeatableRows.getOrDefault(module.getKey(), Map.of())
                        .get(migration.migration().description());
                boolean outdated = pending.stream().anyMatch(item -> item.migration() == migration);
                infos.add(new MigrationInfo(migration.module(), null, migration.migration().description(),
                        migration.migration().script(), outdated ? MigrationState.PENDING : MigrationState.APPLIED,
                        row == null ? null : row.installedOn(), row == null ? null : row.executionTimeMillis()));
            }
        }
        return infos;
    }
}
