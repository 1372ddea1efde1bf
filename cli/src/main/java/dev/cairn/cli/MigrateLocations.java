package dev.cairn.cli;

import dev.cairn.core.CairnConfig;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationSets;
import dev.cairn.migrations.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code --location}, {@code --placeholder} and {@code --out-of-order} make of a migrator. Thread-safe. */
final class MigrateLocations {
    static final String PLACEHOLDER_VARIABLE_PREFIX = "CAIRN_PLACEHOLDER_";
    private static final String PLACEHOLDER_PROPERTY_PREFIX = "placeholders.";

    private MigrateLocations() {
    }

    /** The user's folders: one set, or one module per folder with {@code --module-per-location}. */
    static List<MigrationSet> sets(MigrateOptions options, Dialect dialect) {
        for (Path location : options.locations) {
            if (!Files.isDirectory(location)) {
                throw new UsageException("--location " + location + " is no folder");
            }
        }
        if (options.modulePerLocation) {
            return MigrationSets.modulePerDirectory(options.locations, dialect);
        }
        return List.of(MigrationSets.directories(options.locations, options.module(), dialect));
    }

    /**
     * Placeholders from {@code placeholders:} in cairn.yaml, then {@code CAIRN_PLACEHOLDER_KEY} variables (the key
     * in lower case, as Flyway reads {@code FLYWAY_PLACEHOLDERS_KEY}), then {@code --placeholder}: later ones win.
     */
    static Map<String, String> placeholders(CairnConfig config, Map<String, String> variables,
                                            MigrateOptions options) {
        Map<String, String> values = new LinkedHashMap<>();
        config.properties().forEach((key, value) -> {
            if (key.startsWith(PLACEHOLDER_PROPERTY_PREFIX)) {
                values.put(key.substring(PLACEHOLDER_PROPERTY_PREFIX.length()), value);
            }
        });
        variables.forEach((name, value) -> {
            if (name.startsWith(PLACEHOLDER_VARIABLE_PREFIX) && name.length() > PLACEHOLDER_VARIABLE_PREFIX.length()) {
                values.put(name.substring(PLACEHOLDER_VARIABLE_PREFIX.length()).toLowerCase(Locale.ROOT), value);
            }
        });
        if (options.placeholders != null) {
            values.putAll(options.placeholders);
        }
        return values;
    }

    /** The shared options on a target's builder. */
    static Migrator.Builder apply(Migrator.Builder builder, CairnConfig config, Map<String, String> variables,
                                  MigrateOptions options) {
        placeholders(config, variables, options).forEach(builder::placeholder);
        return builder.outOfOrder(options.outOfOrder);
    }
}
