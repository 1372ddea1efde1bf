package dev.cairn.migrations;

import dev.cairn.migrations.internal.FolderLoader;
import dev.cairn.migrations.internal.MigrationSetRegistry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Builds migration sets from Flyway-named folders ({@code V1__init.sql}, {@code V1.1__x.sql}, undo
 * {@code U1__init.sql}) and finds registered ones. A file name that does not parse is an error naming
 * the file, never skipped. Thread-safe.
 */
public final class MigrationSets {

    private MigrationSets() {
    }

    /**
     * Every {@code .sql} file of a folder on disk (not recursive). Files whose names start with a dot are
     * ignored; any other file must parse as a migration name.
     */
    public static MigrationSet directory(Path folder, String module, Dialect dialect, String... dependsOn) {
        return MigrationSet.of(module, dialect, FolderLoader.fromDirectory(folder), Set.of(dependsOn));
    }

    /**
     * The listed files of a classpath folder; no scanning, so it works from a shaded jar. With no file names
     * given, the names are read from {@code <folder>/index.txt}, one a line ({@code #} starts a comment).
     */
    public static MigrationSet classpath(ClassLoader classLoader, String folder, String module, Dialect dialect,
                                         String... fileNames) {
        List<String> names = fileNames.length == 0 ? FolderLoader.readIndex(classLoader, folder)
                : Arrays.asList(fileNames);
        return MigrationSet.of(module, dialect, FolderLoader.fromClasspath(classLoader, folder, names));
    }

    /**
     * The sets registered through {@code META-INF/services/dev.cairn.migrations.MigrationSet} in the class
     * loader, instantiated once and cached per class loader.
     */
    public static List<MigrationSet> registered(ClassLoader classLoader) {
        return MigrationSetRegistry.sets(classLoader);
    }
}
