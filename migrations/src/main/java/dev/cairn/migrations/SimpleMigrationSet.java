package dev.cairn.migrations;

import java.util.List;
import java.util.Objects;
import java.util.Set;

record SimpleMigrationSet(String module, Dialect dialect, List<Migration> migrations, Set<String> dependsOn)
        implements MigrationSet {

    SimpleMigrationSet {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(dialect, "dialect of module " + module);
        if (module.isBlank()) {
            throw new MigrationConfigurationException("A migration set needs a module name.");
        }
    }
}
