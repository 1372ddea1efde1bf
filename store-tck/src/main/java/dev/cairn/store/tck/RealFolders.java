package dev.cairn.store.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * ToDoWrite plan folders written the way real projects keep them, for the import to take as they are: the
 * plans and the commands in folders apart ({@code app/todos/plans} and {@code commands/}), {@code .yml} beside
 * {@code .yaml}, CRLF line ends and byte-order marks, folded descriptions, titles and labels that YAML would
 * read as numbers, booleans or dates without their quotes. Each project is a folder of
 * {@code real-folders/} with a {@code files.txt} listing its files. Thread-safe.
 */
public final class RealFolders {
    /** A web shop: plans in {@code app/todos/plans}, commands in {@code commands/}, every file within the rules. */
    public static final String SHOP = "shop";

    /**
     * A status tracker past ToDoWrite's documented rules, as ToDoWrite itself took it: plans in
     * {@code todos/plans}, commands in {@code commands/}; a link to a node deleted long ago, a Command listing an
     * InterfaceContract among its children, a Task under a Task, an id without its layer's prefix
     * ({@code TEST-STATUS-DEMO} among the tasks), a file not named by its id, a link only one side names.
     */
    public static final String TRACKER = "tracker";

    private RealFolders() {
    }

    /**
     * Copies {@code project}'s files, byte for byte, into {@code folder}.
     *
     * @param project the project of the corpus, such as {@link #TRACKER}
     * @param folder the folder to copy into
     * @return {@code folder}
     */
    public static Path copy(String project, Path folder) {
        for (String file : files(project)) {
            Path target = folder.resolve(file);
            try (InputStream in = open(project + "/" + file)) {
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    /**
     * The files of {@code project}.
     *
     * @param project the project of the corpus
     * @return its files, as paths relative to its folder
     */
    public static List<String> files(String project) {
        try (InputStream in = open(project + "/files.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = RealFolders.class.getResourceAsStream("real-folders/" + name);
        if (in == null) {
            throw new IllegalStateException("Missing corpus file real-folders/" + name + " beside " + RealFolders.class);
        }
        return in;
    }
}
