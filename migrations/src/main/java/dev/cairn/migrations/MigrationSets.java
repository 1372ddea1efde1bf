package dev.cairn.migrations;

import dev.cairn.migrations.internal.FolderLoader;
import dev.cairn.migrations.internal.MigrationSetRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Builds migration sets from Flyway-named folders ({@code V1__init.sql}, {@code V1.1__x.sql}, undo
 * {@code U1__init.sql}, repeatable {@code R__views.sql}, callbacks such as {@code beforeMigrate.sql}) and finds
 * registered ones. A file name that does not parse is an error naming
 * the file, never skipped. Thread-safe.
 */
public final class MigrationSets {

    private MigrationSets() {
    }

    /**
     * Every {@code .sql} file of a folder on disk and its subfolders, as Flyway reads a location. Other files
     * ({@code README.md}) and names starting with a dot are ignored; a {@code .sql} file must parse as a
     * migration name.
     *
     * @param folder    the folder to read
     * @param module    the module name
     * @param dialect   the database the files are written for
     * @param dependsOn the modules whose migrations must be applied first
     * @return the set of the folder's migrations, repeatables and callbacks
     * @throws MigrationConfigurationException when a {@code .sql} name does not parse or a version repeats
     */
    public static MigrationSet directory(Path folder, String module, Dialect dialect, String... dependsOn) {
        return directories(List.of(folder), module, dialect, dependsOn);
    }

    /**
     * Several folders (Flyway's {@code locations}) as one module: their files form one ordered set, and one
     * version in two folders is an error naming both files.
     *
     * @param folders   the folders to read, at least one
     * @param module    the module name
     * @param dialect   the database the files are written for
     * @param dependsOn the modules whose migrations must be applied first
     * @return the set of the folders' migrations, repeatables and callbacks
     */
    public static MigrationSet directories(List<Path> folders, String module, Dialect dialect, String... dependsOn) {
        if (folders.isEmpty()) {
            throw new MigrationConfigurationException("directories needs at least one folder for module '" + module
                    + "'.");
        }
        FolderLoader.Contents contents = FolderLoader.load(folders);
        return new FolderMigrationSet(module, dialect, contents.migrations(), contents.repeatables(),
                contents.callbacks(), Set.of(dependsOn));
    }

    /**
     * Flyway-style locations as one module: {@code classpath:db/migration} reads every classpath folder of that
     * name, on disk or inside a jar (a Spring Boot jar's nested ones included), {@code filesystem:sql} or a plain
     * path a folder on disk. Files are read as {@link #directory} reads a folder: versioned, undo, repeatable and
     * callback files, dot-names skipped, a {@code .sql} name that does not parse an error naming it. Unlike
     * {@link #classpath}, this lists the folder's entries, so no index is needed; a jar must then hold entries for its
     * folders, as the jar tool, Maven and Spring Boot write them (class loaders find no folder without one).
     *
     * @throws MigrationConfigurationException when a location exists nowhere, or its resources cannot be listed
     *                                         (a class loader serving neither files nor jars)
     * @param classLoader the class loader that resolves {@code classpath:} locations
     * @param locations   the locations, at least one, such as {@code classpath:db/migration}
     * @param module      the module name
     * @param dialect     the database the files are written for
     * @param dependsOn   the modules whose migrations must be applied first
     * @return the set of the locations' migrations, repeatables and callbacks
     */
    public static MigrationSet locations(ClassLoader classLoader, List<String> locations, String module,
                                         Dialect dialect, String... dependsOn) {
        if (locations.isEmpty()) {
            throw new MigrationConfigurationException("locations needs at least one location for module '" + module
                    + "'.");
        }
        FolderLoader.Contents contents = FolderLoader.loadLocations(classLoader, locations);
        return new FolderMigrationSet(module, dialect, contents.migrations(), contents.repeatables(),
                contents.callbacks(), Set.of(dependsOn));
    }

    /**
     * One module per folder, named after the folder, each with its own versions: for locations kept apart on
     * purpose (a library's and an application's), where {@link #directories} would mix them.
     *
     * @param folders the folders, one module each
     * @param dialect the database the files are written for
     * @return one set per folder, in the order given
     */
    public static List<MigrationSet> modulePerDirectory(List<Path> folders, Dialect dialect) {
        List<MigrationSet> sets = new ArrayList<>();
        for (Path folder : folders) {
            sets.add(directory(folder, folder.toAbsolutePath().normalize().getFileName().toString(), dialect));
        }
        return List.copyOf(sets);
    }

    /**
     * The listed files of a classpath folder; no scanning, so it works from a shaded jar. With no file names
     * given, the names are read from {@code <folder>/index.txt}, one a line ({@code #} starts a comment).
     *
     * @param classLoader the class loader holding the folder
     * @param folder      the resource folder, such as {@code db/migration/app}
     * @param module      the module name
     * @param dialect     the database the files are written for
     * @param fileNames   the migration files of the folder, or none to read {@code index.txt}
     * @return the set of the listed migrations
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
     *
     * @param classLoader the class loader whose service files are read
     * @return the registered sets, possibly none
     */
    public static List<MigrationSet> registered(ClassLoader classLoader) {
        return MigrationSetRegistry.sets(classLoader);
    }
}
