package dev.cairn.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.core.Cairn;
import dev.cairn.core.Event;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.spi.StoreTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Writes a plan out: as one file that holds all of it (labels, nodes, links and the whole history), or as a
 * ToDoWrite tree of one YAML file a node. Either is read from one consistent view of the store, and streamed:
 * a one-file export holds one node at a time, whatever the plan's size.
 *
 * <pre>{@code
 * PlanExport.from(cairn).toFile(Path.of("backup.yaml"));        // or .json
 * PlanExport.from(cairn).toTree(Path.of("plan"));               // plan/plans/goals/GOAL-….yaml, plan/commands/…
 * }</pre>
 *
 * Thread-safe once configured; each export runs on the calling thread.
 */
public final class PlanExport {
    private static final int EVENT_PAGE = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cairn cairn;
    private final LongConsumer progress;
    private final boolean keepStale;

    private PlanExport(Cairn cairn, LongConsumer progress, boolean keepStale) {
        this.cairn = cairn;
        this.progress = progress;
        this.keepStale = keepStale;
    }

    /**
     * An export of everything {@code cairn} holds.
     *
     * @param cairn the open store to export
     * @return an export that has not written anything yet
     */
    public static PlanExport from(Cairn cairn) {
        return new PlanExport(Objects.requireNonNull(cairn, "cairn"), null, false);
    }

    /**
     * This export, telling {@code progress} the number of nodes written every thousand nodes.
     *
     * @param progress given the number of nodes written so far
     * @return a new export; this one is unchanged
     */
    public PlanExport progress(LongConsumer progress) {
        return new PlanExport(cairn, Objects.requireNonNull(progress, "progress"), keepStale);
    }

    /**
     * This export, leaving in a tree the files of nodes the store no longer holds, and reporting them
     * ({@link ExportReport#staleFiles()}), instead of removing them.
     *
     * @return a new export; this one is unchanged
     */
    public PlanExport keepStale() {
        return new PlanExport(cairn, progress, true);
    }

    /**
     * Writes the plan to {@code file}, in the format its extension names ({@code .json}, {@code .yaml},
     * {@code .yml}). The file appears whole or not at all: it is written beside its place and moved there.
     *
     * @param file the file to write, {@code .json}, {@code .yaml} or {@code .yml}
     * @return what was written
     */
    public ExportReport toFile(Path file) {
        return toFile(file, PlanFormat.of(file));
    }

    /**
     * Writes the plan to {@code file} in {@code format}, whole or not at all.
     *
     * @param file   the file to write
     * @param format the encoding to write it in
     * @return what was written
     */
    public ExportReport toFile(Path file, PlanFormat format) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path partial = partialBeside(target);
            try {
                ExportReport report;
                try (OutputStream out = createNew(partial)) {
                    report = toStream(out, format);
                }
                move(partial, target);
                return report;
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the plan to {@code out} in {@code format}, leaving the stream open.
     *
     * @param out    the stream to write to
     * @param format the encoding to write it in
     * @return what was written
     */
    public ExportReport toStream(OutputStream out, PlanFormat format) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        Instant now = cairn.config().clock().instant();
        return cairn.store().read(tx -> {
            try (JsonGenerator json = Codecs.factory(format).createGenerator(out)) {
                if (format == PlanFormat.JSON) {
                    json.useDefaultPrettyPrinter();
                }
                return write(tx, json, now);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private ExportReport write(StoreTransaction tx, JsonGenerator json, Instant now) throws IOException {
        PlanFile.writeHeader(json, now, cairn.backend());
        List<Label> labels = tx.labels();
        json.writeArrayFieldStart("labels");
        for (Label label : labels) {
            PlanFile.writeLabel(json, label);
        }
        json.writeEndArray();
        long[] counts = new long[2];
        json.writeArrayFieldStart("nodes");
        tx.forEachNode(node -> {
            write(() -> NodeWriter.write(json, node, null, null, true));
            if (++counts[0] % 1_000 == 0 && progress != null) {
                progress.accept(counts[0]);
            }
        });
        json.writeEndArray();
        json.writeArrayFieldStart("links");
        tx.forEachLink(link -> {
            write(() -> PlanFile.writeLink(json, link));
            counts[1]++;
        });
        json.writeEndArray();
        json.writeArrayFieldStart("events");
        long events = 0;
        long after = 0;
        List<Event> page;
        do {
            page = tx.events(after, EVENT_PAGE);
            for (Event event : page) {
                PlanFile.writeEvent(json, event);
                after = event.sequence();
            }
            events += page.size();
        } while (page.size() == EVENT_PAGE);
        json.writeEndArray();
        json.writeEndObject();
        return new ExportReport(countNodes(counts), counts[1], labels.size(), events);
    }

    private long countNodes(long[] counts) {
        if (progress != null) {
            progress.accept(counts[0]);
        }
        return counts[0];
    }

    /**
     * Writes one YAML file a node, as ToDoWrite lays them out: {@code plans/<layer folder>/<ID>.yaml} and
     * {@code commands/<ID>.yaml}, each naming its parents and children. ToDoWrite's schema accepts every file
     * (its {@code metadata} takes Cairn's other fields), except that it knows no {@code critical} severity.
     * A node's file is replaced whole; node files of nodes the store no longer holds are removed, so that the
     * next import does not bring them back ({@link #keepStale()} reports them instead); other files stay. Nothing is written
     * through a symbolic link: a linked folder inside the tree is refused, and temporary files that an export
     * killed halfway left are removed first and counted in the report.
     *
     * @param folder the folder to hold {@code plans/} and {@code commands/}
     * @return what was written, and the stale files found
     * @throws UncheckedIOException when a folder of the tree is a link, or a file cannot be written
     */
    public ExportReport toTree(Path folder) {
        Objects.requireNonNull(folder, "folder");
        Path root = folder.toAbsolutePath().normalize();
        long removed;
        try {
            Files.createDirectories(root);
            removed = removeStalePartials(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + folder + ": " + e.getMessage(), e);
        }
        Set<String> taken = new HashSet<>();
        ExportReport written = cairn.store().read(tx -> {
            long[] counts = new long[2];
            TreeFile files = new TreeFile();
            tx.forEachNode(files::note);
            tx.forEachNode(node -> write(() -> {
                List<String> children = tx.childIds(node.id());
                String path = files.path(node, taken);
                taken.add(path);
                writeNodeFile(root, path, node, files, files.parents(node, tx.parentIds(node.id())),
                        files.children(node, children));
                counts[1] += children.size();
                if (++counts[0] % 1_000 == 0 && progress != null) {
                    progress.accept(counts[0]);
                }
            }));
            return new ExportReport(countNodes(counts), counts[1], 0, 0, removed);
        });
        List<String> stale;
        try {
            stale = staleNodeFiles(root, taken);
            if (!keepStale) {
                for (String file : stale) {
                    Files.deleteIfExists(root.resolve(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear stale files of " + folder + ": " + e.getMessage(), e);
        }
        return new ExportReport(written.nodes(), written.links(), 0, 0, removed, stale, !keepStale && !stale.isEmpty());
    }

    /**
     * The node files of the tree this export did not write: files of nodes the store no longer holds, which the
     * next import would bring back. A file is a node file when it is a YAML file under {@code plans/} or
     * {@code commands/}, no link, whose top level names an {@code id} and a {@code layer}; anything else is left.
     */
    private static List<String> staleNodeFiles(Path root, Set<String> written) throws IOException {
        List<String> stale = new ArrayList<>();
        for (String top : List.of("plans", "commands")) {
            Path folder = root.resolve(top);
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    String name = root.relativize(file).toString().replace('\\', '/');
                    String lower = name.toLowerCase(Locale.ROOT);
                    if ((lower.endsWith(".yaml") || lower.endsWith(".yml")) && !written.contains(name)
                            && isNodeFile(file)) {
                        stale.add(name);
                    }
                }
            }
        }
        stale.sort(null);
        return stale;
    }

    private static boolean isNodeFile(Path file) {
        if (Files.isSymbolicLink(file.getParent())) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
             JsonParser parser = Codecs.parser(PlanFormat.YAML, in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean id = false;
            boolean layer = false;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                id |= parser.currentName().equals("id");
                layer |= parser.currentName().equals("layer");
                parser.nextToken();
                parser.skipChildren();
            }
            return id && layer;
        } catch (IOException | RuntimeException unreadable) {
            return false; // not a plan file this export can tell: left alone
        }
    }

    /**
     * Deletes the temporary files an export killed halfway left in the tree's folders, before this one writes.
     *
     * @return how many there were
     */
    private static long removeStalePartials(Path root) throws IOException {
        long removed = 0;
        for (Layer layer : Layer.values()) {
            Path folder = root.resolve(layer.folder());
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*.partial")) {
                for (Path stale : files) {
                    if (Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(stale)) {
                        removed++;
                    }
                }
            }
        }
        return removed;
    }

    /**
     * Writes one node's file, never through a link: its folders are made or must be real folders inside the tree,
     * and the file is written under a new, unpredictable name in its own folder, then renamed over its place
     * (a link at that place is replaced, not followed).
     */
    private static void writeNodeFile(Path root, String path, Node node, TreeFile files, List<String> parents,
            List<String> children) throws IOException {
        Path folder = root;
        Path relative = Path.of(path);
        for (Path name : relative.getParent()) {
            folder = folder.resolve(name);
            if (Files.isSymbolicLink(folder)) {
                throw new IOException(folder + " is a link: an export writes only into real folders inside "
                        + root + ". Replace the link with a folder, or export elsewhere.");
            }
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(folder);
            }
        }
        Path file = folder.resolve(relative.getFileName().toString());
        Path partial = partialBeside(file);
        try {
            try (OutputStream out = createNew(partial);
                 JsonGenerator yaml = Codecs.factory(PlanFormat.YAML).createGenerator(out)) {
                NodeWriter.writeTreeFile(yaml, node, files, parents, children);
            }
            move(partial, file);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** A new, unpredictable name beside {@code file}, for the file being written. */
    private static Path partialBeside(Path file) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return file.resolveSibling("." + file.getFileName() + "." + HexFormat.of().formatHex(random) + ".partial");
    }

    /**
     * A file that did not exist, never a link's target, with the mode the user's umask gives (a temporary file
     * of the JDK's would be 0600).
     */
    private static OutputStream createNew(Path file) throws IOException {
        return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private interface Writing {
        void run() throws IOException;
    }

    private static void write(Writing writing) {
        try {
            writing.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "PlanExport[" + cairn + "]";
    }
}
