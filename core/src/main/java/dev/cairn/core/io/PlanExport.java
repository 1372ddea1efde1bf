package dev.cairn.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.core.Cairn;
import dev.cairn.core.Event;
import dev.cairn.core.Label;
import dev.cairn.core.Node;
import dev.cairn.core.spi.StoreTransaction;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

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

    private final Cairn cairn;
    private final LongConsumer progress;

    private PlanExport(Cairn cairn, LongConsumer progress) {
        this.cairn = cairn;
        this.progress = progress;
    }

    /** An export of everything {@code cairn} holds. */
    public static PlanExport from(Cairn cairn) {
        return new PlanExport(Objects.requireNonNull(cairn, "cairn"), null);
    }

    /** This export, telling {@code progress} the number of nodes written every thousand nodes. */
    public PlanExport progress(LongConsumer progress) {
        return new PlanExport(cairn, Objects.requireNonNull(progress, "progress"));
    }

    /**
     * Writes the plan to {@code file}, in the format its extension names ({@code .json}, {@code .yaml},
     * {@code .yml}). The file appears whole or not at all: it is written beside its place and moved there.
     */
    public ExportReport toFile(Path file) {
        return toFile(file, PlanFormat.of(file));
    }

    /** Writes the plan to {@code file} in {@code format}, whole or not at all. */
    public ExportReport toFile(Path file, PlanFormat format) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            try {
                ExportReport report;
                try (OutputStream out = Files.newOutputStream(partial)) {
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

    /** Writes the plan to {@code out} in {@code format}, leaving the stream open. */
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
     * A node's file is replaced whole; files of nodes the store does not hold are left alone.
     */
    public ExportReport toTree(Path folder) {
        Objects.requireNonNull(folder, "folder");
        return cairn.store().read(tx -> {
            long[] counts = new long[2];
            tx.forEachNode(node -> write(() -> {
                List<String> parents = tx.parentIds(node.id());
                List<String> children = tx.childIds(node.id());
                writeNodeFile(folder, node, parents, children);
                counts[1] += children.size();
                if (++counts[0] % 1_000 == 0 && progress != null) {
                    progress.accept(counts[0]);
                }
            }));
            return new ExportReport(countNodes(counts), counts[1], 0, 0);
        });
    }

    private static void writeNodeFile(Path folder, Node node, List<String> parents, List<String> children)
            throws IOException {
        Path file = folder.resolve(node.layer().folder()).resolve(node.id() + ".yaml");
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling("." + node.id() + ".yaml.partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial);
                 JsonGenerator yaml = Codecs.factory(PlanFormat.YAML).createGenerator(out)) {
                NodeWriter.write(yaml, node, parents, children, false);
            }
            move(partial, file);
        } finally {
            Files.deleteIfExists(partial);
        }
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
