package dev.cairn.cli;

import dev.cairn.migrations.ExecutedMigration;
import dev.cairn.migrations.MigrateResult;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.MigrationState;
import dev.cairn.migrations.MigrationVersion;
import dev.cairn.migrations.RepairResult;
import dev.cairn.migrations.UndoResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code cairn migrate info|validate|up|undo|baseline|repair|dry-run}. */
@Command(name = "migrate",
        description = {"Migrates the store's schema (opening a store migrates it too, unless its URL says "
                + "?migrate=off), a folder of your own SQL files (--location), or many databases at once: every "
                + "SQLite file of a folder (--folder), or several PostgreSQL schemas (--schemas)."},
        synopsisSubcommandLabel = "(info | validate | up | undo | baseline | repair | dry-run | clean | snapshot "
                + "| diff | check)",
        subcommands = {MigrateCommand.Info.class, MigrateCommand.Validate.class, MigrateCommand.Up.class,
            MigrateCommand.Undo.class, MigrateCommand.Baseline.class, MigrateCommand.Repair.class,
            MigrateCommand.DryRun.class, MigrateCommand.Clean.class, SchemaCommands.Snapshot.class,
            SchemaCommands.Diff.class, SchemaCommands.Check.class},
        footerHeading = "%nExamples:%n",
        footer = {"  cairn migrate info", "  cairn migrate up --folder plans/ --parallel 4",
            "  cairn --url postgresql://db/plan migrate up --schemas tenant_a,tenant_b",
            "  cairn migrate up --location db/migration --target 3"})
final class MigrateCommand extends CliCommand {
    @Override
    int run() {
        throw new ParameterException(spec.commandLine(),
                "Say what to do: migrate info, validate, up, undo, baseline, repair or dry-run");
    }

    static Map<String, Object> info(MigrationInfo info) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("module", info.module());
        map.put("version", info.version() == null ? null : info.version().toString());
        map.put("description", info.description());
        map.put("script", info.script());
        map.put("state", info.state().name().toLowerCase(Locale.ROOT));
        map.put("installedOn", Shapes.instant(info.installedOn()));
        map.put("executionTimeMillis", info.executionTimeMillis());
        return map;
    }

    static List<Map<String, Object>> executed(List<ExecutedMigration> migrations) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ExecutedMigration migration : migrations) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("module", migration.module());
            map.put("version", migration.version() == null ? null : migration.version().toString());
            map.put("description", migration.description());
            map.put("script", migration.script());
            map.put("executionTimeMillis", migration.executionTime().toMillis());
            list.add(map);
        }
        return list;
    }

    static String names(List<ExecutedMigration> migrations) {
        return migrations.stream().map(migration -> migration.module() + " " + (migration.version() == null
                ? "repeatable" : migration.version()) + " " + migration.description()).collect(Collectors.joining(", "));
    }

    /** A state as people read it; {@code applied out of order} says what Flyway's info says. */
    static String stateText(MigrationState state) {
        return state == MigrationState.OUT_OF_ORDER ? "applied out of order" : state.name().toLowerCase(Locale.ROOT);
    }

    @Command(name = "info", description = "Lists every migration, applied and pending, with its state.",
            footerHeading = "%nExample:%n", footer = "  cairn migrate info --url sqlite:plan.db")
    static final class Info extends MigrateSubcommand {
        @Override
        int run() {
            return report(each("reading", 4, migrator -> migrator.info()),
                    infos -> Map.of("migrations", infos.stream().map(MigrateCommand::info).toList()),
                    (out, outcome) -> {
                        String heading = heading(outcome);
                        if (!heading.isEmpty()) {
                            out.println(heading);
                        }
                        Table table = new Table("MODULE", "VERSION", "DESCRIPTION", "STATE", "INSTALLED").alignRight(1);
                        for (MigrationInfo info : outcome.result()) {
                            table.row(info.module(), info.version() == null ? "R" : info.version(),
                                    info.description(), stateText(info.state()), info.installedOn());
                        }
                        table.print(out);
                    });
        }
    }

    @Command(name = "validate",
            description = "Checks applied migrations against the files: changed, missing, failed or out of order.",
            footerHeading = "%nExample:%n", footer = "  cairn migrate validate --location db/migration")
    static final class Validate extends MigrateSubcommand {
        @Override
        int run() {
            return report(each("validating", 4, migrator -> {
                migrator.validate();
                return Boolean.TRUE;
            }), valid -> Map.of(), (out, outcome) -> out.println(outcome.target().name() + ": valid"));
        }
    }

    @Command(name = "up", description = "Applies every pending migration, or those up to --target.",
            footerHeading = "%nExamples:%n", footer = {"  cairn migrate up", "  cairn migrate up --folder plans/"})
    static final class Up extends MigrateSubcommand {
        @Option(names = "--target", paramLabel = "VERSION",
                description = "Migrate the module (see --module) no further than VERSION.")
        String target;

        @Option(names = "--parallel", paramLabel = "N", description = "Migrate N databases at once (default: "
                + "${DEFAULT-VALUE}).")
        int parallel = 4;

        @Override
    boolean createsStore() {
        return true;
    }

    @Override
        int run() {
            if (parallel < 1) {
                throw new UsageException("--parallel must be 1 or more");
            }
            return report(each("migrating", parallel, migrator -> migrator.migrate()), MigrateCommand.Up::data,
                    (out, outcome) -> out.println(describe(outcome.target().name(), outcome.result())));
        }

        @Override
        MigrationTargets.Target adjust(MigrationTargets.Target target) {
            if (this.target != null) {
                target.builder().target(options.module(), version(this.target));
            }
            return target;
        }

        /** A version given on the command line; a malformed one is a usage error. */
        static String version(String text) {
            try {
                return MigrationVersion.parse(text).toString();
            } catch (MigrationConfigurationException malformed) {
                throw new UsageException("--target: " + malformed.getMessage());
            }
        }

        private static Map<String, Object> data(MigrateResult result) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("applied", executed(result.applied()));
            map.put("durationMillis", result.duration().toMillis());
            map.put("backup", result.backupPath().map(Object::toString).orElse(null));
            return map;
        }

        private static String describe(String target, MigrateResult result) {
            if (result.applied().isEmpty()) {
                return target + ": up to date";
            }
            return target + ": applied " + names(result.applied()) + " in " + result.duration().toMillis() + " ms"
                    + result.backupPath().map(path -> "; backup " + path).orElse("");
        }
    }

    @Command(name = "undo",
            description = "Undoes the last applied migrations (--steps, 1 by default), or the module's above --to, "
                    + "with their undo files (U2__name.sql).",
            footerHeading = "%nExamples:%n", footer = {"  cairn migrate undo --location db/migration",
                "  cairn migrate undo --location db/migration --to 1"})
    static final class Undo extends MigrateSubcommand {
        @Option(names = "--steps", paramLabel = "N", description = "How many migrations to undo (default: 1).")
        Integer steps;

        @Option(names = "--to", paramLabel = "VERSION", description = "Undo the module's migrations above VERSION.")
        String to;

        @Override
    boolean createsStore() {
        return true;
    }

    @Override
        int run() {
            if (steps != null && to != null) {
                throw new UsageException("Give --steps or --to, not both");
            }
            return report(each("undoing", 4, migrator -> to != null ? migrator.undoTo(options.module(), to)
                    : migrator.undo(steps == null ? 1 : steps)),
                    result -> Map.of("undone", executed(result.undone())),
                    (out, outcome) -> out.println(describe(outcome.target().name(), outcome.result())));
        }

        private static String describe(String target, UndoResult result) {
            return target + ": " + (result.undone().isEmpty() ? "nothing to undo" : "undid " + names(result.undone()));
        }
    }

    @Command(name = "baseline",
            description = "Adopts a database made before migrations: the module's migrations up to VERSION count as "
                    + "applied.",
            footerHeading = "%nExamples:%n", footer = {"  cairn migrate baseline --version 1 --location db/migration",
                "  cairn migrate baseline --from-flyway --location src/main/resources/db/migration"})
    static final class Baseline extends MigrateSubcommand {
        @Option(names = "--version", paramLabel = "VERSION", description = "The version the database is at.")
        String version;

        @Option(names = "--from-flyway", negatable = false,
                description = "Adopt the history Flyway kept (flyway_schema_history), each applied file checked with"
                        + " Flyway's checksum, instead of giving --version.")
        boolean fromFlyway;

        @Override
    boolean createsStore() {
        return true;
    }

    @Override
        int run() {
            String module = options.module();
            if (fromFlyway == (version != null)) {
                throw new UsageException("Give --version VERSION or --from-flyway, one of them");
            }
            if (fromFlyway) {
                return report(each("adopting", 4, migrator -> migrator.baselineFromFlyway(module)),
                        adopted -> Map.of("module", module, "adopted", adopted),
                        (out, outcome) -> out.println(outcome.target().name() + ": adopted Flyway's history of "
                                + outcome.result().size() + " migration(s) into module " + module
                                + (outcome.result().isEmpty() ? "" : ": " + String.join(", ", outcome.result()))));
            }
            return report(each("baselining", 4, migrator -> {
                migrator.baseline(module, version);
                return Boolean.TRUE;
            }), done -> Map.of("module", module, "version", version),
                    (out, outcome) -> out.println(outcome.target().name() + ": baselined " + module + " at " + version));
        }
    }

    @Command(name = "repair",
            description = "Removes failed rows from the history and accepts changed files' checksums.",
            footerHeading = "%nExample:%n", footer = "  cairn migrate repair")
    static final class Repair extends MigrateSubcommand {
        @Override
    boolean createsStore() {
        return true;
    }

    @Override
        int run() {
            return report(each("repairing", 4, migrator -> migrator.repair()), result -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("removedFailedRows", result.removedFailedRows());
                map.put("realignedChecksums", result.realignedChecksums());
                return map;
            }, (out, outcome) -> out.println(describe(outcome.target().name(), outcome.result())));
        }

        private static String describe(String target, RepairResult result) {
            if (result.removedFailedRows().isEmpty() && result.realignedChecksums().isEmpty()) {
                return target + ": nothing to repair";
            }
            return target + ": removed failed rows " + result.removedFailedRows() + ", realigned checksums "
                    + result.realignedChecksums();
        }
    }

    @Command(name = "dry-run",
            description = "Prints every statement 'migrate up' would run, history rows included, and changes nothing.",
            footerHeading = "%nExamples:%n", footer = {"  cairn migrate dry-run --url sqlite:plan.db > pending.sql",
                "  cairn migrate dry-run --offline --dialect postgresql --location db/migration --from 3 --target 5"})
    static final class DryRun extends MigrateSubcommand {
        /** The pending migrations and the statements, per target. */
        record Plan(List<MigrationInfo> pending, String statements) {
        }

        @Option(names = "--offline", negatable = false,
                description = "Print the script without a database (give --dialect): from an empty one, or --from.")
        boolean offline;

        @Option(names = "--dialect", paramLabel = "DIALECT", description = "With --offline: postgresql, sqlite or h2.")
        String dialect;

        @Option(names = "--from", paramLabel = "VERSION",
                description = "With --offline: the database has every version up to VERSION applied.")
        String from;

        @Option(names = "--target", paramLabel = "VERSION", description = "Go no further than VERSION.")
        String target;

        @Override
        MigrationTargets.Target adjust(MigrationTargets.Target target) {
            if (this.target != null) {
                target.builder().target(options.module(), Up.version(this.target));
            }
            return target;
        }

        @Override
        int run() {
            if (offline) {
                return OfflineScript.print(this, options, dialect, from, target);
            }
            if (dialect != null || from != null) {
                throw new UsageException("--dialect and --from go with --offline");
            }
            return report(each("planning", 4, migrator -> {
                StringWriter statements = new StringWriter();
                List<MigrationInfo> pending = migrator.dryRun(new PrintWriter(statements));
                return new Plan(pending, statements.toString());
            }), plan -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("pending", plan.pending().stream().map(MigrateCommand::info).toList());
                map.put("statements", plan.statements());
                return map;
            }, (out, outcome) -> {
                out.println("-- " + outcome.target().name() + ": " + outcome.result().pending().size()
                        + " pending migrations");
                out.print(outcome.result().statements());
            });
        }
    }

    @Command(name = "clean",
            description = "Drops every object of the managed schema or SQLite file, data and history included. "
                    + "Refused unless --allow-clean, or cleanEnabled=true in the URL or cairn.yaml (as Flyway).",
            footerHeading = "%nExample:%n", footer = "  cairn --url sqlite:scratch.db migrate clean --allow-clean")
    static final class Clean extends MigrateSubcommand {
        @Option(names = "--allow-clean", negatable = false, description = "Allow dropping everything.")
        boolean allowClean;

        @Override
        MigrationTargets.Target adjust(MigrationTargets.Target target) {
            boolean enabled = allowClean || root().located().config().property("cleanEnabled")
                    .map(value -> value.trim().equalsIgnoreCase("true")).orElse(false);
            target.builder().cleanEnabled(enabled);
            return target;
        }

        @Override
        int run() {
            return report(each("cleaning", 4, migrator -> migrator.clean()), dropped -> Map.of("dropped", dropped),
                    (out, outcome) -> out.println(outcome.target().name() + ": dropped " + outcome.result().size()
                            + " object(s)" + (outcome.result().isEmpty() ? "" : ": "
                            + String.join(", ", outcome.result()))));
        }
    }
}
