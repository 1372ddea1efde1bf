package dev.cairn.benchmarks;

import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.copy.CopyListener;
import dev.cairn.core.copy.CopyResult;
import dev.cairn.core.copy.StoreCopy;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Copies a large plan from one SQLite file to another under a small heap, to show that a copy streams: run
 * it with {@code -Xmx256m}. Not a JMH benchmark (one run of a minute or more, not a score to compare), and
 * not a unit test (it would take most of a build); see the README.
 *
 * <pre>
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar dev.cairn.benchmarks.CopyMemoryCheck [nodes] [folder]
 * </pre>
 *
 * <p>Fills the source with {@code nodes} nodes (1,000,000 unless given), a tree of ten children per node,
 * each linked to its parent, every tenth labelled, through one {@link Cairn#batch}; then copies it with
 * {@link StoreCopy}, verification included, and prints the time of each step, the heap's limit and the most
 * of it in use during the copy. Exits with 1 when the copy does not verify. Not thread-safe; a program.
 */
public final class CopyMemoryCheck {
    private static final int FAN_OUT = 10;

    private CopyMemoryCheck() {
    }

    public static void main(String[] args) throws IOException {
        int nodes = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path folder = args.length > 1 ? Files.createDirectories(Path.of(args[1]))
                : Files.createTempDirectory("cairn-copy-check");
        String sourceUrl = "sqlite:" + folder.resolve("source.db");
        String targetUrl = "sqlite:" + folder.resolve("target.db");
        Files.deleteIfExists(folder.resolve("target.db"));
        System.out.printf(Locale.ROOT, "heap limit %d MiB; %,d nodes; folder %s%n",
                Runtime.getRuntime().maxMemory() >> 20, nodes, folder);

        long started = System.nanoTime();
        try (Cairn source = Cairn.open(sourceUrl)) {
            if (source.count(dev.cairn.core.NodeQuery.all()) != nodes) {
                fill(source, nodes);
            }
        }
        System.out.printf(Locale.ROOT, "source filled in %.1f s%n", seconds(started));

        resetPeaks();
        started = System.nanoTime();
        CopyListener progress = (phase, done, total) -> {
            if (done % 250_000 == 0 && done > 0) {
                System.out.printf(Locale.ROOT, "  %-6s %,d%s%n", phase, done, total < 0 ? "" : " of " + total);
            }
        };
        CopyResult result = StoreCopy.from(sourceUrl).to(targetUrl).listener(progress).run();
        System.out.printf(Locale.ROOT, "copied and verified in %.1f s (verification %.1f s): %,d nodes, %,d links, "
                        + "%,d labels, %,d events%n", seconds(started),
                result.verification().duration().toMillis() / 1000.0, result.nodesCopied(), result.linksCopied(),
                result.labelsCopied(), result.eventsCopied());
        System.out.printf(Locale.ROOT, "most heap in use during the copy: %d MiB of %d MiB%n", peakHeap() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println(result.verification().describe());
        if (!result.ok()) {
            System.exit(1);
        }
    }

    /** A tree, breadth first: node i's parent is node (i - 1) / 10, on the layer above. */
    private static void fill(Cairn cairn, int nodes) {
        cairn.batch(batch -> {
            long levelStart = 0;
            long levelSize = 1;
            int level = 0;
            for (long i = 0; i < nodes; i++) {
                if (i == levelStart + levelSize) {
                    levelStart += levelSize;
                    levelSize *= FAN_OUT;
                    level++;
                }
                Layer layer = Layer.values()[level];
                NodeDraft draft = NodeDraft.of(layer, "Node " + i).id(id(layer, i)).owner("owner" + (i % 13));
                if (i % 10 == 0) {
                    draft = draft.labels("tenth").customField("i", Map.of("n", i, "even", i % 2 == 0));
                }
                if (i > 0) {
                    draft = draft.parents(id(Layer.values()[level - 1], (i - 1) / FAN_OUT));
                }
                batch.add(draft);
            }
        });
    }

    private static String id(Layer layer, long index) {
        return layer.prefix() + "-" + String.format(Locale.ROOT, "%08d", index);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of each heap pool's peak since the reset: an upper bound of the heap in use at once. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
