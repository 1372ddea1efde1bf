package dev.cairn.migrations;

import java.util.List;
import java.util.Set;

/** A set read from folders: versioned, repeatable and callback files. Immutable and thread-safe. */
record FolderMigrationSet(String module, Dialect dialect, List<Migration> migrations,
                          List<RepeatableMigration> repeatables, List<SqlCallback> callbacks, Set<String> dependsOn)
        implements MigrationSet {

    FolderMigrationSet {
        if (module == null || module.isBlank()) {
            throw new MigrationConfigurationException("A migration set needs a module name.");
        }
        migrations = List.copyOf(migrations);
        repeatables = List.copyOf(repeatables);
        callbacks = List.copyOf(callbacks);
        dependsOn = Set.copyOf(dependsOn);
    }
}
