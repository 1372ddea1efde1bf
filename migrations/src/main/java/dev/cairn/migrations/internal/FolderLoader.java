package dev.cairn.migrations.internal;

import dev.cairn.migrations.Migration;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.SqlMigration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Loads Flyway-named SQL files from a disk folder or listed classpath resources. Thread-safe. */
public final class FolderLoader {

    private FolderLoader() {
    }

    public static List<Migration> fromDirectory(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new MigrationConfigurationException("Migration folder " + folder + " does not exist.");
        }
        List<NamedText> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                files.add(new NamedText(MigrationFileName.parse(name, folder.toString()),
                        Files.readString(entry, StandardCharsets.UTF_8)));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot read migration folder " + folder, failure);
        }
        return combine(files, folder.toString());
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
}
