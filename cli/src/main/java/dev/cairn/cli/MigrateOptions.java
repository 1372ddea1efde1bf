package dev.cairn.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Where and what {@code cairn migrate} migrates; shared by its subcommands. Not thread-safe. */
final class MigrateOptions {
    @Option(names = "--location", paramLabel = "DIR",
            description = "Your own SQL folder (V1__init.sql, V2__more.sql, undo U2__more.sql) instead of Cairn's schema.")
    Path location;

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
        return location != null ? MigrationTargets.LOCATION_MODULE : MigrationTargets.CAIRN_MODULE;
    }

    boolean manyTargets() {
        return folder != null || schemas != null;
    }
}
