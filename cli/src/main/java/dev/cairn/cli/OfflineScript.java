package dev.cairn.cli;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.MigrationSets;
import dev.cairn.migrations.Migrator;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code cairn migrate dry-run --offline}: the script of a migrate, written without a database. */
final class OfflineScript {

    private OfflineScript() {
    }

    static int print(MigrateSubcommand command, MigrateOptions options, String dialectName, String from,
                     String target) {
        if (dialectName == null) {
            throw new UsageException("--offline needs --dialect postgresql, sqlite or h2");
        }
        if (options.manyTargets()) {
            throw new UsageException("--offline works without a database: give no --folder or --schemas");
        }
        Dialect dialect = switch (dialectName.toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres" -> Dialect.POSTGRESQL;
            case "sqlite" -> Dialect.SQLITE;
            case "h2" -> Dialect.H2;
            default -> throw new UsageException("--dialect '" + dialectName + "' is none of postgresql, sqlite, h2");
        };
        Migrator.Builder builder = Migrator.builder().dialect(dialect);
        if (options.locations != null) {
            builder.sets(MigrateLocations.sets(options, dialect));
        } else {
            builder.sets(MigrationSets.registered(OfflineScript.class.getClassLoader()).stream()
                    .filter(set -> set.dialect() == dialect).toList());
        }
        if (target != null) {
            builder.target(options.module(), MigrateCommand.Up.version(target));
        }
        if (from != null) {
            MigrateCommand.Up.version(from);
        }
        MigrateLocations.apply(builder, command.root().located().config(), command.environment().variables(), options);
        StringWriter script = new StringWriter();
        List<MigrationInfo> pending = Migrator.offlineDryRun(builder, from, script);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dialect", dialect.name().toLowerCase(Locale.ROOT));
        data.put("pending", pending.stream().map(MigrateCommand::info).toList());
        data.put("statements", script.toString());
        command.output().emit(data, out -> out.print(script));
        return ExitCodes.OK;
    }
}
