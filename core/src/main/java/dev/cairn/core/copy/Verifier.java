package dev.cairn.core.copy;

import dev.cairn.core.Cairn;
import dev.cairn.core.Event;
import dev.cairn.core.Label;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.StoreException;
import dev.cairn.core.spi.StoreTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Compares two stores node by node, each read in one transaction of its own, both streamed in id order and
 * paired as they come. The stores' streams push their nodes ({@link StoreTransaction#forEachNode}), and two
 * pushed streams cannot be walked side by side on one thread; so the source is read on a thread of its own
 * into a small bounded queue, and the calling thread reads the target and takes from the queue. Memory holds
 * one page of each side and the queue, whatever the size of the stores. Used once, by one call.
 */
final class Verifier {
    /** Nodes read before their parents are asked for, in one call. */
    private static final int PAGE = 500;

    private final Cairn source;
    private final Cairn target;
    private final CopyListener listener;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2 * PAGE);
    private volatile boolean cancelled;
    private Thread reader;
    private Object head;
    private long sourceTotal = -1;
    private long compared;
    private final List<Verification.Difference> differences = new ArrayList<>();
    private long differenceCount;

    private Verifier(Cairn source, Cairn target, CopyListener listener) {
        this.source = source;
        this.target = target;
        this.listener = listener;
    }

    static Verification verify(Cairn source, Cairn target, CopyListener listener) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source.store() == target.store()) {
            throw new IllegalArgumentException("Cannot verify " + source.config().maskedUrl() + " against itself: "
                    + "give two stores.");
        }
        return new Verifier(source, target, listener == null ? CopyListener.NONE : listener).run();
    }

    private Verification run() {
        long started = System.nanoTime();
        reader = new Thread(this::readSource, "cairn-verify-source");
        reader.setDaemon(true);
        reader.start();
        boolean[] begun = {false};
        try {
            return target.store().read(tx -> {
                onlyOnce(begun);
                List<Label> targetLabels = tx.labels();
                Side side = new Side();
                side.read(tx, this::pairWithSource);
                while (peek() instanceof Entry missing) {
                    take();
                    differ(missing.node().id(), Verification.Kind.MISSING_IN_TARGET, List.of());
                }
                End end = (End) take();
                listener.progress(CopyListener.Phase.VERIFY, compared, sourceTotal);
                Verification.Counts targetCounts = new Verification.Counts(side.nodes, side.links,
                        targetLabels.size(), countEvents(tx));
                return new Verification(source.config().maskedUrl(), target.config().maskedUrl(), end.counts(),
                        targetCounts, differences, differenceCount, labelDifferences(end.labels(), targetLabels),
                        Duration.ofNanos(System.nanoTime() - started));
            });
        } finally {
            cancelled = true;
            joinQuietly(reader);
        }
    }

    /** The source's side, on the reader thread: a start, every entry, an end; or the failure that stopped it. */
    private void readSource() {
        boolean[] begun = {false};
        try {
            source.store().read(tx -> {
                onlyOnce(begun);
                List<Label> labels = tx.labels();
                put(new Start(tx.count(NodeQuery.all())));
                Side side = new Side();
                side.read(tx, this::put);
                put(new End(new Verification.Counts(side.nodes, side.links, labels.size(), countEvents(tx)),
                        labels));
                return null;
            });
        } catch (Cancelled stopped) {
            // The comparing thread has given up; it reports its own failure.
        } catch (RuntimeException | Error failure) {
            try {
                put(new Failed(failure));
            } catch (Cancelled stopped) {
                // Nobody is waiting for it any more.
            }
        }
    }

    /** Pairs a target entry with the source's: whatever the source has before it is missing in the target. */
    private void pairWithSource(Entry targetEntry) {
        String id = targetEntry.node().id();
        while (true) {
            Object next = peek();
            if (next instanceof Entry sourceEntry) {
                int order = sourceEntry.node().id().compareTo(id);
                if (order < 0) {
                    take();
                    differ(sourceEntry.node().id(), Verification.Kind.MISSING_IN_TARGET, List.of());
                    continue;
                }
                if (order == 0) {
                    take();
                    if (!Arrays.equals(sourceEntry.digest(), targetEntry.digest())) {
                        differ(id, Verification.Kind.CHANGED, NodeDigest.differingFields(sourceEntry.node(),
                                sourceEntry.parents(), targetEntry.node(), targetEntry.parents()));
                    }
                    return;
                }
            }
            differ(id, Verification.Kind.ONLY_IN_TARGET, List.of());
            return;
        }
    }

    /**
     * Refuses a second run of a side's work: a store may run a read again on a new connection when its first
     * connection was lost, but half of a comparison has been consumed by then.
     */
    private void onlyOnce(boolean[] begun) {
        if (begun[0]) {
            throw new StoreException("The connection was lost while verifying " + target.config().maskedUrl()
                    + " against " + source.config().maskedUrl() + ": verify again.");
        }
        begun[0] = true;
    }

    private void differ(String id, Verification.Kind kind, List<String> fields) {
        differenceCount++;
        if (differences.size() < Verification.LISTED) {
            differences.add(new Verification.Difference(id, kind, fields));
        }
    }

    private static List<String> labelDifferences(List<Label> sourceLabels, List<Label> targetLabels) {
        Map<String, Label> these = new TreeMap<>();
        sourceLabels.forEach(label -> these.put(label.name(), label));
        Map<String, Label> those = new TreeMap<>();
        targetLabels.forEach(label -> those.put(label.name(), label));
        TreeSet<String> differing = new TreeSet<>();
        these.forEach((name, label) -> {
            if (!label.equals(those.get(name))) {
                differing.add(name);
            }
        });
        those.keySet().stream().filter(name -> !these.containsKey(name)).forEach(differing::add);
        return List.copyOf(differing);
    }

    /** The whole event log's length, paged by sequence. */
    static long countEvents(StoreTransaction tx) {
        long count = 0;
        for (List<Event> page = tx.events(0, PAGE); !page.isEmpty();
             page = tx.events(page.get(page.size() - 1).sequence(), PAGE)) {
            count += page.size();
        }
        return count;
    }

    // ----------------------------------------------------------------------------------------------
    // The queue between the two threads

    private void put(Object item) {
        try {
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    throw new Cancelled();
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    private Object peek() {
        if (head == null) {
            head = next();
        }
        return head;
    }

    private Object take() {
        Object taken = peek();
        head = null;
        if (taken instanceof Entry && ++compared % PAGE == 0) {
            listener.progress(CopyListener.Phase.VERIFY, compared, sourceTotal);
        }
        return taken;
    }

    private Object next() {
        try {
            while (true) {
                Object item = queue.poll(50, TimeUnit.MILLISECONDS);
                if (item instanceof Start start) {
                    sourceTotal = start.total();
                    continue;
                }
                if (item instanceof Failed failed) {
                    if (failed.failure() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw (Error) failed.failure();
                }
                if (item != null) {
                    return item;
                }
                if (!reader.isAlive() && queue.isEmpty()) {
                    throw new IllegalStateException("The source's reader ended without its last word: " + source);
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while verifying " + target.config().maskedUrl() + " against "
                    + source.config().maskedUrl(), interrupted);
        }
    }

    private static void joinQuietly(Thread reader) {
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One store's nodes in id order, each with its parents and digest, a page of parents asked at once. */
    private static final class Side {
        private long nodes;
        private long links;

        void read(StoreTransaction tx, Consumer<Entry> sink) {
            List<Node> page = new ArrayList<>(PAGE);
            tx.forEachNode(node -> {
                page.add(node);
                if (page.size() == PAGE) {
                    flush(tx, page, sink);
                    page.clear();
                }
            });
            flush(tx, page, sink);
        }

        private void flush(StoreTransaction tx, List<Node> page, Consumer<Entry> sink) {
            if (page.isEmpty()) {
                return;
            }
            Map<String, List<String>> parents = tx.parentIdsOf(page.stream().map(Node::id).toList());
            for (Node node : page) {
                List<String> parentIds = parents.getOrDefault(node.id(), List.of());
                nodes++;
                links += parentIds.size();
                sink.accept(new Entry(node, parentIds, NodeDigest.sha256(node, parentIds)));
            }
        }
    }

    private record Start(long total) {
    }

    private record Entry(Node node, List<String> parents, byte[] digest) {
    }

    private record End(Verification.Counts counts, List<Label> labels) {
    }

    private record Failed(Throwable failure) {
    }

    /** Ends the source's read when the comparing thread has given up. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }
}
