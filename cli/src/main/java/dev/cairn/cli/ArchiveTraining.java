package dev.cairn.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sqlite.util.OSInfo;

/**
 * The run that lists the classes of the distribution's class-data archive: the everyday commands against a
 * throwaway SQLite file, in one JVM started with {@code -XX:DumpLoadedClassList}; {@code -Xshare:dump} then
 * archives what they load, so that later runs map those classes instead of loading and verifying them. Not for people: the build
 * runs it, and {@code bin/cairn} runs it again where the archive does not fit (JDK 17 ties an archive to the
 * jar's path and to the JVM that made it).
 *
 * <p>{@code ArchiveTraining ARCHIVE} also writes {@code ARCHIVE.stamp}, the real paths of the jar and of the
 * {@code java} that made the archive, as {@code bin/cairn} compares them, and puts SQLite's native library for
 * this machine in the archive's folder, {@code native/}, so that a run need not copy it out of the jar.
 */
final class ArchiveTraining {
    private ArchiveTraining() {
    }

    public static void main(String[] args) throws IOException, URISyntaxException {
        if (args.length == 1) {
            Path archive = Path.of(args[0]).toAbsolutePath();
            Path jar = Path.of(ArchiveTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toRealPath();
            Path java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
            Files.writeString(archive.resolveSibling(archive.getFileName() + ".stamp"), jar + "|" + java + "\n");
            extractSqliteLibrary(archive.resolveSibling("native"));
        }
        train();
    }

    /** Copies the library sqlite-jdbc would copy to a temporary file on every run, under its own name. */
    private static void extractSqliteLibrary(Path folder) throws IOException {
        String platform = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/";
        for (String name : List.of("libsqlitejdbc.so", "libsqlitejdbc.dylib", "sqlitejdbc.dll")) {
            try (InputStream library = ArchiveTraining.class.getResourceAsStream(platform + name)) {
                if (library != null) {
                    Files.createDirectories(folder);
                    Files.copy(library, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
    }

    private static void train() throws IOException {
        Path folder = Files.createTempDirectory("cairn-archive");
        try {
            String url = "sqlite:" + folder.resolve("plan.db");
            PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
            PrintWriter err = new PrintWriter(System.err, true);
            CliEnvironment environment = new CliEnvironment(nowhere, err, new BufferedReader(new StringReader("")),
                    Map.of(), folder, false);
            String[][] commands = {
                {"init"},
                {"add", "goal", "Ship 1.0", "--id", "GOAL-SHIP"},
                {"add", "task", "Write the parser", "--id", "TSK-PARSER", "--parent", "GOAL-SHIP", "--label", "parser"},
                {"status", "TSK-PARSER", "in_progress"},
                {"list"},
                {"list", "--format", "json"},
                {"show", "TSK-PARSER"},
                {"tree"},
                {"summary"},
                {"history", "TSK-PARSER"},
            };
            for (String[] command : commands) {
                String[] withUrl = new String[command.length + 2];
                withUrl[0] = "--url";
                withUrl[1] = url;
                System.arraycopy(command, 0, withUrl, 2, command.length);
                int exitCode = CairnCli.execute(environment, withUrl);
                if (exitCode != 0) {
                    throw new IllegalStateException("cairn " + String.join(" ", command) + " exited " + exitCode);
                }
            }
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException failure) {
                    throw new UncheckedIOException(failure);
                }
            });
        }
    }
}
