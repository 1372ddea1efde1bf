package dev.cairn.cli;

import dev.cairn.core.CairnConfig;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationSets;
import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.MigrationState;
import dev.cairn.migrations.MigrationVersion;
import dev.cairn.migrations.Migrator;
import dev.cairn.migrations.schema.SchemaDiff;
import dev.cairn.migrations.schema.SchemaSnapshot;
import dev.cairn.migrations.schema.SchemaSnapshots;
import dev.cairn.migrations.schema.SchemaSources;
import dev.cairn.migrations.schema.SnapshotFormatException;
import dev.cairn.store.jdbc.SqlStoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn migrate snapshot}, {@code diff} and {@code check --drift}: what a schema holds, how two differ, and
 * whether a database still holds what its migrations built.
 */
final class SchemaCommands {
    private static final String FOLDER_PREFIX = "folder:";

    private SchemaCommands() {
    }

    @Command(name = "snapshot",
            description = "Writes what the store's schema holds (tables, columns, keys, indexes, views, triggers, "
                    + "sequences, routines, types) as JSON, to commit beside the migrations. Changes nothing.",
            footerHeading = "%nExamples:%n", footer = {"  cairn migrate snapshot -o schema.json",
                "  cairn migrate snapshot --url postgresql://db/plan?schema=app"})
    static final class Snapshot extends MigrateSubcommand {
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        Path output;

        @Override
        int run() {
            if (options.manyTargets()) {
                throw new UsageException("snapshot takes one database: leave out --folder and --schemas");
            }
            MigrationTargets.Target target = targets().get(0);
            SchemaSnapshot snapshot = target.migrator().snapshot();
            if (output == null) {
                environment().out().print(snapshot.toJson());
                environment().out().flush();
                return ExitCodes.OK;
            }
            Path file = environment().workingDir().resolve(output);
            SchemaSnapshots.write(snapshot, file);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("target", target.name());
            data.put("file", file.toString());
            data.put("tables", snapshot.tables().size());
            output().emit(data, out -> out.println(target.name() + ": wrote " + snapshot.tables().size() + " table(s), "
                            + snapshot.indexes().size() + " index(es), " + snapshot.views().size() + " view(s) to "
                            + file));
            return ExitCodes.OK;
        }
    }

    @Command(name = "check",
            description = {"With --drift: replays the migrations the history says were applied (their files must "
                    + "match the checksums applied) into a scratch database of the store's dialect, removed "
                    + "afterwards, and compares it with the live schema; what differs was changed by hand.",
                "Exit code 0 without drift, 1 with drift or a changed file."},
            footerHeading = "%nExamples:%n", footer = {"  cairn migrate check --drift",
                "  cairn migrate check --drift --location db/migration --format json"})
    static final class Check extends MigrateSubcommand {
        @Option(names = "--drift", negatable = false, description = "Compare the live schema with its migrations.")
        boolean drift;

        @Override
        int run() {
            if (!drift) {
                throw new UsageException("Say what to check: migrate check --drift");
            }
            if (options.manyTargets()) {
                throw new UsageException("check --drift takes one database: leave out --folder and --schemas");
            }
            MigrationTargets.Target target = targets().get(0);
            SchemaDiff diff = SchemaSources.drift(target.builder(), target.migrator());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("target", target.name());
            data.put("drift", !diff.isEmpty());
            data.putAll(Diff.data(diff));
            output().emit(data, out -> out.print(diff.isEmpty() ? target.name() + ": no drift\n"
                    : target.name() + ": drift from its applied migrations (- only in them, + only in the database):\n"
                    + diff));
            return diff.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    @Command(name = "diff",
            description = {"Compares two schemas and prints each object added, removed or changed, and for a change "
                    + "which property went from what to what. A SOURCE is a store URL (a live database), a snapshot "
                    + "file (*.json), or a folder of migrations (folder:PATH, or a folder's path) replayed into a "
                    + "scratch database of the other side's dialect (or --dialect), removed afterwards.",
                "Exit code 0 when they are equal, 1 when they differ."},
            footerHeading = "%nExamples:%n", footer = {"  cairn migrate diff --from schema.json --to sqlite:plan.db",
                "  cairn migrate diff --from folder:db/migration --to postgresql://db/plan --format json"})
    static final class Diff extends CliCommand {
        @Option(names = "--from", paramLabel = "SOURCE", required = true, description = "The first side.")
        String from;

        @Option(names = "--to", paramLabel = "SOURCE", required = true, description = "The second side.")
        String to;

        @Option(names = "--dialect", paramLabel = "DIALECT",
                description = "postgresql, sqlite or h2: what a folder is replayed into when the other side says not.")
        String dialect;

        @Option(names = "--placeholder", paramLabel = "KEY=VALUE", description = "A ${KEY} value for replayed SQL "
                + "files; repeatable.")
        Map<String, String> placeholders;

        @Override
        int run() {
            Dialect given = dialect == null ? null : dialect(dialect);
            Source first = source("--from", from);
            Source second = source("--to", to);
            // A folder replayed into PostgreSQL gets its scratch schema on the other side's server, else the store's.
            CairnConfig server = second.store != null ? second.store : first.store != null ? first.store
                    : root().config(false);
            Dialect replayInto = replayDialect(given, first, second, server);
            SchemaSnapshot before = first.snapshot(replayInto, server);
            SchemaSnapshot after = second.snapshot(replayInto, server);
            SchemaDiff diff = SchemaDiff.between(before, after);
            output().emit(data(diff), out -> out.print(diff.isEmpty() ? "No differences.\n" : diff.toString()));
            return diff.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
        }

        /** The dialect a folder is replayed into: given, else the other side's. */
        private static Dialect replayDialect(Dialect given, Source first, Source second, CairnConfig server) {
            if (given != null || first.folder() == null && second.folder() == null) {
                return given;
            }
            if (first.folder() != null && second.folder() != null) {
                throw new UsageException("Both sides are folders: give --dialect postgresql, sqlite or h2");
            }
            return (first.folder() == null ? first : second).snapshot(null, server).dialect();
        }

        private static Dialect dialect(String name) {
            try {
                return Dialect.valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new UsageException("--dialect " + name + ": use postgresql, sqlite or h2");
            }
        }

        private Source source(String option, String text) {
            Path workingDir = environment().workingDir();
            if (text.startsWith(FOLDER_PREFIX)) {
                Path folder = workingDir.resolve(text.substring(FOLDER_PREFIX.length()));
                if (!Files.isDirectory(folder)) {
                    throw new NotFoundException(option + " " + text + ": no folder " + folder);
                }
                return new Source(text, null, folder, null);
            }
            if (text.toLowerCase(Locale.ROOT).endsWith(".json")) {
                Path file = workingDir.resolve(text);
                if (!Files.isRegularFile(file)) {
                    throw new NotFoundException(option + " " + text + ": no snapshot file " + file);
                }
                return new Source(text, file, null, null);
            }
            if (!text.contains(":") && Files.isDirectory(workingDir.resolve(text))) {
                return new Source(text, null, workingDir.resolve(text), null);
            }
            if (!text.contains(":")) {
                throw new UsageException(option + " " + text + ": give a store URL (sqlite:plan.db, "
                        + "postgresql://host/db), a snapshot file (schema.json) or a folder (folder:db/migration)");
            }
            return new Source(text, null, null, config(text));
        }

        private CairnConfig config(String url) {
            CairnConfig config = StoreLocator.locate(url, environment().variables(), environment().workingDir())
                    .config();
            return config.toBuilder().createIfMissing(false).build();
        }

        /** One side: a snapshot file, a folder, or a store's configuration; its snapshot taken once. */
        private final class Source {
            private final String text;
            private final Path file;
            private final Path folder;
            private final CairnConfig store;
            private SchemaSnapshot snapshot;

            Source(String text, Path file, Path folder, CairnConfig store) {
                this.text = text;
                this.file = file;
                this.folder = folder;
                this.store = store;
            }

            Path folder() {
                return folder;
            }

            SchemaSnapshot snapshot(Dialect replayInto, CairnConfig server) {
                if (snapshot == null) {
                    snapshot = file != null ? read() : folder != null ? replay(replayInto, server)
                            : migrator(store).build().snapshot();
                }
                return snapshot;
            }

            private SchemaSnapshot read() {
                try {
                    return SchemaSnapshots.read(file);
                } catch (SnapshotFormatException malformed) {
                    throw new UsageException(malformed.getMessage());
                }
            }

            private SchemaSnapshot replay(Dialect replayInto, CairnConfig server) {
                Migrator.Builder builder = replayInto == Dialect.POSTGRESQL ? migrator(server) : Migrator.builder();
                if (placeholders != null) {
                    placeholders.forEach(builder::placeholder);
                }
                builder.sets(List.of(MigrationSets.directory(folder, MigrationTargets.LOCATION_MODULE, replayInto)));
                return SchemaSources.replay(builder, replayInto);
            }

            private Migrator.Builder migrator(CairnConfig config) {
                if (config.storeProvider() instanceof SqlStoreProvider sql) {
                    return sql.migrator(config);
                }
                throw new UsageException(text + " keeps no schema: diff reads sqlite:, h2: and postgresql: stores");
            }
        }

        static Map<String, Object> data(SchemaDiff diff) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("equal", diff.isEmpty());
            map.put("changes", diff.changes().stream().map(change -> {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("kind", change.kind());
                object.put("key", change.key());
                object.put("change", change.change().name().toLowerCase(Locale.ROOT));
                object.put("properties", change.properties().stream().map(property -> {
                    Map<String, Object> value = new LinkedHashMap<>();
                    value.put("property", property.property());
                    value.put("from", property.from());
                    value.put("to", property.to());
                    return value;
                }).toList());
                return object;
            }).toList());
            return map;
        }
    }
}
