package dev.cairn.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where and what {@code cairn migrate} migrates; shared by its subcommands. Not thread-safe. */
final class MigrateOptions {
    @Option(names = "--location", paramLabel = "DIR",
            description = "Your own SQL folder (V1__init.sql, V2__more.sql, undo U2__more.sql, R__views.sql, "
                    + "beforeMigrate.sql, ...) instead of Cairn's schema; subfolders are read. Repeat it for several "
                    + "folders: their files form one ordered set (see --module-per-location).")
    List<Path> locations;

    @Option(names = "--module-per-location", negatable = false,
            description = "Each --location is a module of its own, named after its folder, with its own versions.")
    boolean modulePerLocation;

    @Option(names = "--out-of-order", negatable = false,
            description = "Apply a pending migration whose version is below the newest applied one (Flyway's "
                    + "outOfOrder).")
    boolean outOfOrder;

    @Option(names = "--placeholder", paramLabel = "KEY=VALUE",
            description = "A ${KEY} value in SQL files; repeatable. Also from CAIRN_PLACEHOLDER_KEY environment "
                    + "variables and 'placeholders:' in cairn.yaml; this option wins over both.")
    Map<String, String> placeholders;

    @Option(names = "--module", paramLabel = "NAME",
            description = "The module whose versions --target, --to and baseline name: cairn, or app for --location.")
    String module;

    @Option(names = "--folder", paramLabel = "DIR",
            description = "Every SQLite file in DIR, instead of the store's URL.")
    Path folder;

    @Option(names = "--schemas", paramLabel = "SCHEMA", split = ",",
            description = "Each of these schemas of the PostgreSQL database of the store's URL.")
    List<String> schemas;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "How long to wait for another migrator's lock (90s, 5m, PT5M); else the URL's lockTimeout "
                    + "property (milliseconds), else 1 minute.")
    Duration lockTimeout;

    @Option(names = "--no-backup", negatable = false,
            description = "SQLite: do not copy a file before migrating it (a copy is kept beside it by default).")
    boolean noBackup;

    /** The module targets and baselines name. */
    String module() {
        if (module != null) {
            return module;
        }
        return locations != null ? MigrationTargets.LOCATION_MODULE : MigrationTargets.CAIRN_MODULE;
    }

    boolean manyTargets() {
        return folder != null || schemas != null;
    }
}
