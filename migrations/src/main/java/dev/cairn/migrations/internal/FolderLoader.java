package dev.cairn.migrations.internal;

import dev.cairn.migrations.Migration;
import dev.cairn.migrations.MigrationCallback;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.RepeatableMigration;
import dev.cairn.migrations.SqlCallback;
import dev.cairn.migrations.SqlMigration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Loads Flyway-named SQL files from a disk folder or listed classpath resources. Thread-safe. */
public final class FolderLoader {
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    private FolderLoader() {
    }

    /**
     * What a location holds, as Flyway reads it: versioned migrations with their undo files, repeatable
     * migrations and callback files.
     *
     * @param migrations the versioned migrations
     * @param repeatables the {@code R__} files
     * @param callbacks the callback files, in file-name order per event
     */
    public record Contents(List<Migration> migrations, List<RepeatableMigration> repeatables,
                           List<SqlCallback> callbacks) {
    }

    /**
     * Every {@code .sql} file of the folders and their subfolders, as Flyway reads a location: other files
     * ({@code README.md}, {@code .gitkeep}) and names starting with a dot are ignored, and a {@code .sql} file
     * whose name does not parse is an error. Versions are one set across the folders: one version in two of
     * them fails validation naming both files, as two in one folder do.
     */
    public static Contents load(List<Path> folders) {
        List<SourceFile> files = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new MigrationConfigurationException("Migration folder " + folder + " does not exist.");
            }
            addFolder(folder, folder.toString(), files);
        }
        return classify(files, String.join(", ", folders.stream().map(Path::toString).toList()));
    }

    /**
     * Every {@code .sql} file of Flyway-style locations, read as {@link #load} reads a folder:
     * {@code classpath:db/migration} (each classpath folder of that name, on disk or inside a jar, Spring Boot's
     * nested jars included), {@code filesystem:sql} or a plain path. A location that exists nowhere is an error
     * naming it.
     */
    public static Contents loadLocations(ClassLoader loader, List<String> locations) {
        List<SourceFile> files = new ArrayList<>();
        for (String location : locations) {
            if (location.startsWith(CLASSPATH)) {
                addClasspathLocation(loader, location, files);
            } else {
                Path folder = Path.of(location.startsWith(FILESYSTEM) ? location.substring(FILESYSTEM.length())
                        : location);
                if (!Files.isDirectory(folder)) {
                    throw new MigrationConfigurationException("Migration location " + location
                            + " is no folder: give an existing folder, or classpath:<folder> for resources.");
                }
                addFolder(folder, folder.toString(), files);
            }
        }
        return classify(files, String.join(", ", locations));
    }

    private static void addClasspathLocation(ClassLoader loader, String location, List<SourceFile> files) {
        String folder = location.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
        List<URL> roots;
        try {
            roots = Collections.list(loader.getResources(folder));
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot look up migration location " + location, failure);
        }
        if (roots.isEmpty()) {
            throw new MigrationConfigurationException("Migration location " + location
                    + " not found on the classpath: put the files under src/main/resources/" + folder
                    + ", or fix the location.");
        }
        for (URL root : roots) {
            if ("file".equals(root.getProtocol())) {
                Path path;
                try {
                    path = Path.of(root.toURI());
                } catch (URISyntaxException | IllegalArgumentException failure) {
                    throw new MigrationConfigurationException("Cannot read migration location " + location + " at "
                            + root + ": " + failure.getMessage());
                }
                addFolder(path, location, files);
            } else if ("jar".equals(root.getProtocol())) {
                addJarFolder(root, location, files);
            } else {
                throw new MigrationConfigurationException("Cannot list migration location " + location + " at "
                        + root + " (" + root.getProtocol() + " resources cannot be listed): list its files with "
                        + "MigrationSets.classpath and an index.txt.");
            }
        }
    }

    private static void addJarFolder(URL root, String location, List<SourceFile> files) {
        try {
            URLConnection connection = root.openConnection();
            if (!(connection instanceof JarURLConnection jarConnection)) {
                throw new MigrationConfigurationException("Cannot list migration location " + location + " at "
                        + root + ": not a jar connection.");
            }
            // A connection of its own, so closing the jar cannot pull it from under other users of a cached one.
            jarConnection.setUseCaches(false);
            String prefix = jarConnection.getEntryName() + "/";
            try (JarFile jar = jarConnection.getJarFile()) {
                List<JarEntry> entries = jar.stream()
                        .filter(entry -> !entry.isDirectory() && entry.getName().startsWith(prefix))
                        .filter(entry -> entry.getName().endsWith(".sql"))
                        .filter(entry -> Arrays.stream(entry.getName().substring(prefix.length()).split("/"))
                                .noneMatch(part -> part.startsWith(".")))
                        .sorted(Comparator.comparing(JarEntry::getName))
                        .toList();
                for (JarEntry entry : entries) {
                    String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                    try (InputStream input = jar.getInputStream(entry)) {
                        files.add(new SourceFile(name, location + " (" + jar.getName() + ")",
                                new String(input.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot read migration location " + location + " at " + root, failure);
        }
    }

    private static void addFolder(Path folder, String where, List<SourceFile> files) {
        for (Path entry : sqlFiles(folder)) {
            String parent = entry.getParent().toString();
            files.add(new SourceFile(entry.getFileName().toString(), where.equals(folder.toString()) ? parent
                    : where + " (" + parent + ")", read(entry)));
        }
    }

    private static Contents classify(List<SourceFile> sources, String where) {
        List<NamedText> files = new ArrayList<>();
        List<RepeatableMigration> repeatables = new ArrayList<>();
        List<SqlCallback> callbacks = new ArrayList<>();
        for (SourceFile source : sources) {
            String name = source.name();
            MigrationCallback.Event event = callbackEvent(name);
            if (event != null) {
                callbacks.add(new SqlCallback(event, name, source.text()));
                continue;
            }
            Matcher repeatable = REPEATABLE.matcher(name);
            if (repeatable.matches()) {
                repeatables.add(new RepeatableMigration(repeatable.group(1).replace('_', ' ').strip(), name,
                        source.text()));
            } else {
                files.add(new NamedText(MigrationFileName.parse(name, source.where()), source.text()));
            }
        }
        callbacks.sort(Comparator.comparing(SqlCallback::script));
        return new Contents(combine(files, where), repeatables, callbacks);
    }

    /** Flyway's callback names: {@code beforeMigrate.sql}, or with a description, {@code beforeMigrate__x.sql}. */
    private static MigrationCallback.Event callbackEvent(String fileName) {
        for (MigrationCallback.Event event : MigrationCallback.Event.values()) {
            if (fileName.equals(event.fileName() + ".sql")
                    || fileName.startsWith(event.fileName() + "__") && fileName.endsWith(".sql")) {
                return event;
            }
        }
        return null;
    }

    public static List<Migration> fromDirectories(List<Path> folders) {
        return load(folders).migrations();
    }

    public static List<Migration> fromDirectory(Path folder) {
        return fromDirectories(List.of(folder));
    }

    private static List<Path> sqlFiles(Path folder) {
        try (Stream<Path> entries = Files.walk(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(entry -> !hidden(folder, entry))
                    .filter(entry -> entry.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot read migration folder " + folder, failure);
        }
    }

    /** A file or any folder below the location whose name starts with a dot ({@code .git}, {@code .gitkeep}). */
    private static boolean hidden(Path folder, Path entry) {
        for (Path part : folder.relativize(entry)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot read migration file " + file, failure);
        }
    }

    public static List<Migration> fromClasspath(ClassLoader loader, String folder, List<String> names) {
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        List<NamedText> files = new ArrayList<>();
        for (String name : names) {
            String where = "classpath:" + prefix;
            files.add(new NamedText(MigrationFileName.parse(name, where), readResource(loader, prefix + name)));
        }
        return combine(files, "classpath:" + prefix);
    }

    public static List<String> readIndex(ClassLoader loader, String folder) {
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        return readResource(loader, prefix + "index.txt").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static String readResource(ClassLoader loader, String path) {
        try (InputStream input = loader.getResourceAsStream(path)) {
            if (input == null) {
                throw new MigrationConfigurationException("Migration resource " + path
                        + " not found on the classpath.");
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot read migration resource " + path, failure);
        }
    }

    private static List<Migration> combine(List<NamedText> files, String where) {
        Map<String, NamedText> undos = new LinkedHashMap<>();
        for (NamedText file : files) {
            if (file.name().undo()) {
                NamedText other = undos.put(file.name().version().toString(), file);
                if (other != null) {
                    throw new MigrationConfigurationException("Two undo files with version "
                            + file.name().version() + " in " + where + ": " + other.name().fileName() + " and "
                            + file.name().fileName() + ".");
                }
            }
        }
        List<Migration> migrations = new ArrayList<>();
        for (NamedText file : files) {
            if (!file.name().undo()) {
                NamedText undo = undos.remove(file.name().version().toString());
                SqlMigration migration = new SqlMigration(file.name().version(), file.name().description(),
                        file.name().fileName(), file.text(), undo == null ? null : undo.name().fileName(),
                        undo == null ? null : undo.text());
                migrations.add(migration);
            }
        }
        if (!undos.isEmpty()) {
            NamedText orphan = undos.values().iterator().next();
            throw new MigrationConfigurationException("Undo file " + orphan.name().fileName() + " in " + where
                    + " has no migration V" + orphan.name().version() + ".");
        }
        return migrations;
    }

    private record NamedText(MigrationFileName name, String text) {
    }

    /** A file found in a location: its name, where it was found (for messages) and its text. */
    private record SourceFile(String name, String where, String text) {
    }
}
