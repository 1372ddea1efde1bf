package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.CairnException;
import dev.cairn.core.DeleteMode;
import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodePatch;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.Status;
import dev.cairn.core.StatusCount;
import dev.cairn.core.VersionConflictException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Eight threads on one store at once: no label, field, increment or node lost, readers seeing only whole
 * writes, and ten thousand mixed writes that leave exactly what succeeded.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class ConcurrencyContractTest extends AbstractStoreContractTest {
    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected ConcurrencyContractTest(StoreFixture fixture) {
        super(fixture);
    }

    /**
     * Runs {@code task} on {@code threads} threads released at once; fails with the first failure.
     *
     * @param threads how many threads run it
     * @param task what each thread runs
     * @throws Exception the first failure of a task, or an interrupt while waiting
     */
    protected static void runConcurrently(int threads, Callable<Void> task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Void> future : futures) {
                try {
                    // A guard against a hang, not a measure of speed: 10,000 writes on PostgreSQL took over a
                    // minute on a 2-core machine busy with other builds.
                    future.get(5, TimeUnit.MINUTES);
                } catch (ExecutionException failed) {
                    if (failed.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    if (failed.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw failed;
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Nested
    class Concurrency {
        private static final int THREADS = 8;

        @Test
        @Timeout(120)
        void eightThreadsLabellingOneNodeLoseNoLabel() throws Exception {
            Node node = create(Layer.TASK, "TSK-shared");
            int perThread = 20;
            AtomicInteger threadNumbers = new AtomicInteger();

            runConcurrently(THREADS, () -> {
                int thread = threadNumbers.getAndIncrement();
                for (int i = 0; i < perThread; i++) {
                    cairn.label(node.id(), "t" + thread + "-" + i);
                }
                return null;
            });

            Node after = cairn.get(node.id());
            assertThat(after.labels()).hasSize(THREADS * perThread);
            assertThat(after.version()).isEqualTo(1 + THREADS * perThread);
            assertThat(cairn.history(node.id())).hasSize(1 + THREADS * perThread);
        }

        @Test
        @Timeout(120)
        void eightThreadsUpdatingOneNodeWithoutAVersionLoseNoField() throws Exception {
            Node node = create(Layer.TASK, "TSK-shared");
            int perThread = 20;
            AtomicInteger threadNumbers = new AtomicInteger();

            runConcurrently(THREADS, () -> {
                int thread = threadNumbers.getAndIncrement();
                for (int i = 0; i < perThread; i++) {
                    cairn.update(node.id(), NodePatch.create().customField("t" + thread + "-" + i, i));
                }
                return null;
            });

            Node after = cairn.get(node.id());
            assertThat(after.customFields()).hasSize(THREADS * perThread);
            assertThat(after.version()).isEqualTo(1 + THREADS * perThread);
        }

        @Test
        @Timeout(120)
        void eightThreadsIncrementingACounterLoseNoIncrement() throws Exception {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Counter").id("TSK-counter").customField("count", 0));
            int perThread = 25;

            runConcurrently(THREADS, () -> {
                for (int i = 0; i < perThread; i++) {
                    incrementCounter(node.id());
                }
                return null;
            });

            assertThat(cairn.get(node.id()).customFields()).containsEntry("count", THREADS * perThread);
        }

        /** Read, add one, write back expecting the version read: the optimistic way, retried on conflict. */
        private void incrementCounter(String id) {
            while (true) {
                try {
                    cairn.useTransaction(graph -> {
                        Node current = graph.get(id);
                        int count = ((Number) current.customFields().get("count")).intValue();
                        graph.update(id, NodePatch.create().customField("count", count + 1)
                                .expectVersion(current.version()));
                    });
                    return;
                } catch (VersionConflictException conflict) {
                    Thread.onSpinWait();
                }
            }
        }

        @Test
        @Timeout(120)
        void eightThreadsCreatingNodesAtOnceLoseNone() throws Exception {
            create(Layer.GOAL, "GOAL-1");
            int perThread = 50;
            Set<String> createdIds = ConcurrentHashMap.newKeySet();

            runConcurrently(THREADS, () -> {
                for (int i = 0; i < perThread; i++) {
                    createdIds.add(cairn.create(NodeDraft.of(Layer.TASK, "Task").parents("GOAL-1")
                            .labels("bulk")).id());
                }
                return null;
            });

            assertThat(createdIds).hasSize(THREADS * perThread);
            assertThat(cairn.count(NodeQuery.layer(Layer.TASK))).isEqualTo(THREADS * perThread);
            assertThat(cairn.children("GOAL-1")).hasSize(THREADS * perThread);
            assertThat(cairn.count(NodeQuery.all().withAnyLabel("bulk"))).isEqualTo(THREADS * perThread);
            assertThat(cairn.events(0, Integer.MAX_VALUE)).hasSize(1 + 2 * THREADS * perThread)
                    .extracting(Event::sequence).doesNotHaveDuplicates();
        }

        @Test
        @Timeout(120)
        void readersSeeOnlyWholeWritesWhileWritersWrite() throws Exception {
            create(Layer.GOAL, "GOAL-1");
            AtomicInteger threadNumbers = new AtomicInteger();

            runConcurrently(THREADS, () -> {
                boolean writer = threadNumbers.getAndIncrement() % 2 == 0;
                for (int i = 0; i < 30; i++) {
                    if (writer) {
                        cairn.create(NodeDraft.of(Layer.TASK, "Task").parents("GOAL-1").labels("whole"));
                    } else {
                        List<Node> children = cairn.children("GOAL-1");
                        assertThat(children).allSatisfy(child -> assertThat(child.labels()).containsExactly("whole"));
                        assertThat(cairn.descendants("GOAL-1")).hasSizeGreaterThanOrEqualTo(children.size());
                    }
                }
                return null;
            });

            assertThat(cairn.children("GOAL-1")).hasSize(THREADS / 2 * 30);
        }

        /** The load: 8 threads, 10,000 writes between them. */
        private static final int MIXED_OPERATIONS = 10_000;
        /** Five layers, far enough apart that most pairs of nodes may be linked one way round. */
        private static final Layer[] MIXED_LAYERS = {Layer.GOAL, Layer.REQUIREMENTS, Layer.PHASE, Layer.TASK,
                Layer.SUB_TASK};

        /**
         * Every kind of write at once, on nodes all threads share: creates (some with a parent and a label),
         * updates that name the version read, links, labels and deletes (cascade and detach). A race may
         * refuse a write only with the exception the facade documents for it; each thread writes down what
         * succeeded. Afterwards the nodes, links, labels, versions and the whole event trail must be what the
         * successful writes add up to, so that a lost write, a half-done one, or an event without its change
         * (or a change without its event) fails here.
         */
        @Test
        @Timeout(120)
        void tenThousandMixedWritesOnEightThreadsLeaveExactlyWhatSucceeded() throws Exception {
            SharedIds shared = new SharedIds();
            List<MixedWriter> writers = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger threadNumbers = new AtomicInteger();

            runConcurrently(THREADS, () -> {
                MixedWriter writer = new MixedWriter(threadNumbers.getAndIncrement(), shared);
                writers.add(writer);
                writer.run(MIXED_OPERATIONS / THREADS);
                return null;
            });

            Map<String, Integer> outcomes = new TreeMap<>();
            writers.forEach(writer -> writer.outcomes.forEach((kind, count) ->
                    outcomes.merge(kind, count, Integer::sum)));
            List<Node> created = merged(writers, writer -> writer.created);
            List<Link> linked = merged(writers, writer -> writer.linked);
            List<Written> written = merged(writers, writer -> writer.written);
            Map<String, Deletion> deletedBy = new HashMap<>();
            for (Deletion deletion : merged(writers, writer -> writer.deletions)) {
                for (String id : deletion.doomed()) {
                    assertThat(deletedBy.put(id, deletion)).as("%s deleted by two deletes", id).isNull();
                }
            }

            // The load was the one asked for, and each kind of write succeeded often enough to count.
            assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).as("operations %s", outcomes)
                    .isEqualTo(MIXED_OPERATIONS);
            assertThat(Stream.of("create", "update", "link", "label", "delete"))
                    .as("successful writes of each kind, of %s", outcomes)
                    .allSatisfy(kind -> assertThat(outcomes.getOrDefault(kind, 0)).isGreaterThanOrEqualTo(100));

            // Nodes: exactly those created and not deleted, of their layers.
            assertThat(created).extracting(Node::id).as("ids created").doesNotHaveDuplicates();
            Map<String, Node> createdById = created.stream().collect(Collectors.toMap(Node::id, Function.identity()));
            assertThat(deletedBy.keySet()).as("deleted ids").isSubsetOf(createdById.keySet());
            Set<String> survivors = new HashSet<>(createdById.keySet());
            survivors.removeAll(deletedBy.keySet());
            Map<String, Node> stored = cairn.find(NodeQuery.all()).stream()
                    .collect(Collectors.toMap(Node::id, Function.identity()));
            assertThat(cairn.count(NodeQuery.all())).isEqualTo(created.size() - deletedBy.size());
            assertThat(stored.keySet()).isEqualTo(survivors);
            assertThat(cairn.countByLayerAndStatus()).containsExactlyInAnyOrderElementsOf(
                    multiset(survivors.stream().map(id -> createdById.get(id).layer())).entrySet().stream()
                            .map(layer -> new StatusCount(layer.getKey(), Status.PLANNED, layer.getValue())).toList());

            // Labels: those given at creation and those added since, every one still known.
            Map<String, Set<String>> labelsOf = new HashMap<>();
            created.forEach(node -> labelsOf.put(node.id(), new TreeSet<>(node.labels())));
            written.stream().filter(write -> write.label() != null)
                    .forEach(write -> labelsOf.get(write.id()).add(write.label()));
            assertThat(labelsOf(stored.values())).isEqualTo(restricted(labelsOf, survivors));
            Set<String> everyLabel = labelsOf.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
            assertThat(cairn.labels()).extracting(Label::name).hasSize(everyLabel.size())
                    .containsExactlyInAnyOrderElementsOf(everyLabel);

            // Versions: each update and label bumps a node's version by one, so the versions its successful
            // writes returned are 2 .. n + 1, each once; two writes returning one version is a lost update.
            Map<String, List<Long>> versionsWritten = new HashMap<>();
            created.forEach(node -> versionsWritten.put(node.id(), new ArrayList<>()));
            written.forEach(write -> versionsWritten.get(write.id()).add(write.version()));
            versionsWritten.values().forEach(Collections::sort);
            Map<String, List<Long>> versionsExpected = new HashMap<>();
            versionsWritten.forEach((id, versions) -> versionsExpected.put(id,
                    LongStream.rangeClosed(2, versions.size() + 1).boxed().toList()));
            assertThat(versionsWritten).isEqualTo(versionsExpected);
            Map<String, Long> versionsStored = versionsOf(stored.values());
            Map<String, Long> versionsCounted = new HashMap<>();
            survivors.forEach(id -> versionsCounted.put(id, 1L + versionsWritten.get(id).size()));
            assertThat(versionsStored).isEqualTo(versionsCounted);

            // Links: each made once, and there exactly when both its ends survive (nothing unlinks but deletes).
            assertThat(linked).doesNotHaveDuplicates();
            List<Link> storedLinks = cairn.links();
            assertThat(storedLinks).doesNotHaveDuplicates();
            assertThat(Set.copyOf(storedLinks)).isEqualTo(linked.stream()
                    .filter(link -> survivors.contains(link.parentId()) && survivors.contains(link.childId()))
                    .collect(Collectors.toSet()));

            // Events: one per successful write, of its kind, read page by page without a gap or a repeat.
            List<Event> trail = trailInPages(997);
            Map<EventType, List<Event>> byType = trail.stream().collect(
                    Collectors.groupingBy(Event::type, () -> new EnumMap<>(EventType.class), Collectors.toList()));
            assertThat(trail).extracting(Event::actor).containsOnly(ACTOR);
            assertThat(byType).doesNotContainKeys(EventType.STATUS_CHANGED, EventType.UNLABELLED);
            assertThat(multiset(ofType(byType, EventType.CREATED).map(Event::nodeId)))
                    .isEqualTo(multiset(created.stream().map(Node::id)));
            assertThat(multiset(ofType(byType, EventType.LINKED).map(Concurrency::linkOf)))
                    .isEqualTo(multiset(linked.stream()));
            assertThat(multiset(ofType(byType, EventType.UPDATED).map(Event::nodeId)))
                    .isEqualTo(multiset(written.stream().filter(write -> write.label() == null).map(Written::id)));
            assertThat(multiset(ofType(byType, EventType.LABELLED)
                    .map(event -> List.of(event.nodeId(), event.details().get("labels")))))
                    .isEqualTo(multiset(written.stream().filter(write -> write.label() != null)
                            .map(write -> List.of(write.id(), List.of(write.label())))));
            assertThat(multiset(ofType(byType, EventType.DELETED)
                    .map(event -> List.of(event.nodeId(), event.details().get("mode")))))
                    .isEqualTo(multiset(deletedBy.entrySet().stream().map(deleted -> List.of(deleted.getKey(),
                            deleted.getValue().mode().name().toLowerCase(Locale.ROOT)))));
            replay(trail, deletedBy, versionsStored, storedLinks);
        }

        /** The whole trail, read in pages each after the last one's sequence. */
        private List<Event> trailInPages(int pageSize) {
            List<Event> trail = new ArrayList<>();
            long after = 0;
            for (List<Event> page = cairn.events(after, pageSize); !page.isEmpty();
                 page = cairn.events(after, pageSize)) {
                assertThat(page).hasSizeLessThanOrEqualTo(pageSize);
                assertThat(page.get(0).sequence()).as("first sequence after %s", after).isGreaterThan(after);
                assertThat(page).extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
                trail.addAll(page);
                after = page.get(page.size() - 1).sequence();
            }
            assertThat(trail).isEqualTo(cairn.events(0, Integer.MAX_VALUE));
            return trail;
        }

        /**
         * Replays the trail, in sequence order, over a model of the nodes' versions and the links, checking
         * that each event fits the state before it: a link joins two live nodes and is made once; UNLINKED
         * removes a link of a node being deleted to a child that stays; by its DELETED event a node has no
         * link left to a child outside its delete. The model must end as the store is.
         */
        private void replay(List<Event> trail, Map<String, Deletion> deletedBy, Map<String, Long> versionsStored,
                            List<Link> storedLinks) {
            Map<String, Long> versions = new HashMap<>();
            Set<Link> links = new HashSet<>();
            for (Event event : trail) {
                String id = event.nodeId();
                switch (event.type()) {
                    case CREATED -> assertThat(versions.put(id, 1L)).as("%s created again", id).isNull();
                    case UPDATED, LABELLED -> assertThat(versions.computeIfPresent(id, (key, version) -> version + 1))
                            .as("%s of %s, which is not there", event.type(), id).isNotNull();
                    case LINKED -> {
                        Link link = linkOf(event);
                        assertThat(link.childId()).isEqualTo(id);
                        assertThat(versions).as("the ends of %s", link).containsKeys(link.parentId(), id);
                        assertThat(links.add(link)).as("%s linked again", link).isTrue();
                    }
                    case UNLINKED -> {
                        Link link = linkOf(event);
                        assertThat(link.childId()).isEqualTo(id);
                        assertThat(links.remove(link)).as("%s unlinked, but not there", link).isTrue();
                        assertThat(deletedBy).as("the deleted parent of %s", link).containsKey(link.parentId());
                        assertThat(deletedBy.get(link.parentId()).doomed()).as("the delete that unlinked %s", link)
                                .doesNotContain(id);
                    }
                    case DELETED -> {
                        assertThat(versions.remove(id)).as("%s deleted, but not there", id).isNotNull();
                        assertThat(deletedBy).containsKey(id);
                        List<String> doomed = deletedBy.get(id).doomed();
                        links.removeIf(link -> link.childId().equals(id));
                        List<Link> below = links.stream().filter(link -> link.parentId().equals(id)).toList();
                        assertThat(below).as("links of deleted %s to children that stay, with no UNLINKED event", id)
                                .filteredOn(link -> !doomed.contains(link.childId())).isEmpty();
                        below.forEach(links::remove);
                    }
                    default -> throw new AssertionError("No write of this test makes a " + event.type() + " event: "
                            + event);
                }
            }
            assertThat(versions).as("versions replayed from the trail").isEqualTo(versionsStored);
            assertThat(links).as("links replayed from the trail").isEqualTo(Set.copyOf(storedLinks));
        }

        private static Link linkOf(Event event) {
            return new Link((String) event.details().get("parent"), (String) event.details().get("child"));
        }

        private static Stream<Event> ofType(Map<EventType, List<Event>> byType, EventType type) {
            return byType.getOrDefault(type, List.of()).stream();
        }

        private static <T> List<T> merged(List<MixedWriter> writers, Function<MixedWriter, List<T>> part) {
            return writers.stream().flatMap(writer -> part.apply(writer).stream()).toList();
        }

        private static <T> Map<T, Long> multiset(Stream<T> items) {
            return items.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }

        private static Map<String, Set<String>> labelsOf(Collection<Node> nodes) {
            return nodes.stream().collect(Collectors.toMap(Node::id, node -> Set.copyOf(node.labels())));
        }

        private static Map<String, Long> versionsOf(Collection<Node> nodes) {
            return nodes.stream().collect(Collectors.toMap(Node::id, Node::version));
        }

        private static <V> Map<String, V> restricted(Map<String, V> map, Set<String> keys) {
            Map<String, V> kept = new HashMap<>(map);
            kept.keySet().retainAll(keys);
            return kept;
        }

        /** A node a writer may pick, with its layer, so that links are attempted the right way round. */
        private record Pooled(String id, Layer layer) {
        }

        /** A successful update (label null) or label, and the version it returned. */
        private record Written(String id, long version, String label) {
        }

        /** A successful delete: its mode and every node it removed, the one named first. */
        private record Deletion(DeleteMode mode, List<String> doomed) {
        }

        /**
         * The nodes the writers pick their targets from, made by all of them and left when deleted. Half of
         * the picks go to the last 16 entries, mostly the newest, so that threads meet on the same nodes
         * instead of spreading thin over thousands. Thread-safe.
         */
        private static final class SharedIds {
            private static final int HOT = 16;
            private final List<Pooled> entries = new ArrayList<>();
            private final Map<String, Integer> positions = new HashMap<>();

            synchronized void add(Pooled entry) {
                if (positions.putIfAbsent(entry.id(), entries.size()) == null) {
                    entries.add(entry);
                }
            }

            /** Fills the gap with the last entry: constant time, and the hot end keeps changing. */
            synchronized void remove(String id) {
                Integer position = positions.remove(id);
                if (position == null) {
                    return;
                }
                Pooled last = entries.remove(entries.size() - 1);
                if (position < entries.size()) {
                    entries.set(position, last);
                    positions.put(last.id(), position);
                }
            }

            synchronized Optional<Pooled> pick(Random random) {
                int size = entries.size();
                if (size == 0) {
                    return Optional.empty();
                }
                return Optional.of(entries.get(random.nextBoolean()
                        ? size - 1 - random.nextInt(Math.min(size, HOT)) : random.nextInt(size)));
            }
        }

        /** One thread's share of the mixed load, and what of it succeeded. Confined to its thread. */
        private final class MixedWriter {
            private final int thread;
            private final Random random;
            private final SharedIds shared;
            private final List<Node> created = new ArrayList<>();
            private final List<Link> linked = new ArrayList<>();
            private final List<Written> written = new ArrayList<>();
            private final List<Deletion> deletions = new ArrayList<>();
            /** Successes by kind ("link"), refusals by kind and exception ("link: InvalidLinkException"). */
            private final Map<String, Integer> outcomes = new TreeMap<>();

            MixedWriter(int thread, SharedIds shared) {
                this.thread = thread;
                // Seeded, so that each thread makes the same choices every run; only the interleaving varies.
                this.random = new Random(2026_03_01L + thread);
                this.shared = shared;
            }

            void run(int operations) {
                for (int operation = 0; operation < operations; operation++) {
                    String tag = "t" + thread + "-" + operation;
                    Optional<Pooled> target = shared.pick(random);
                    int roll = random.nextInt(100);
                    if (target.isEmpty() || roll < 30) {
                        create(tag);
                    } else if (roll < 55) {
                        update(target.get(), tag);
                    } else if (roll < 75) {
                        link(target.get());
                    } else if (roll < 90) {
                        label(target.get(), tag);
                    } else {
                        delete(target.get());
                    }
                }
            }

            /** A parent deleted meanwhile refuses the create. */
            private void create(String tag) {
                Layer layer = MIXED_LAYERS[random.nextInt(MIXED_LAYERS.length)];
                NodeDraft draft = NodeDraft.of(layer, "Node " + tag);
                Optional<Pooled> parent = shared.pick(random).filter(candidate -> candidate.layer().isAbove(layer));
                parent.ifPresent(chosen -> draft.parents(chosen.id()));
                if (random.nextBoolean()) {
                    draft.labels(tag);
                }
                attempt("create", () -> cairn.create(draft), NoSuchNodeException.class).ifPresent(node -> {
                    created.add(node);
                    parent.ifPresent(chosen -> linked.add(new Link(chosen.id(), node.id())));
                    shared.add(new Pooled(node.id(), layer));
                });
            }

            /** Read, then write expecting the version read: another thread's write in between refuses it. */
            private void update(Pooled target, String tag) {
                Optional<Node> read = cairn.findById(target.id());
                if (read.isEmpty()) {
                    outcomes.merge("update: gone before it was read", 1, Integer::sum);
                    return;
                }
                long version = read.get().version();
                // A new title every time, so that every successful update changes the node.
                NodePatch patch = NodePatch.create().title("Renamed " + tag).progress(random.nextInt(101))
                        .expectVersion(version);
                attempt("update", () -> cairn.update(target.id(), patch), VersionConflictException.class,
                        NoSuchNodeException.class).ifPresent(node -> {
                    assertThat(node.version()).isEqualTo(version + 1);
                    written.add(new Written(node.id(), node.version(), null));
                });
            }

            /** Another thread making the same link first, or deleting an end, refuses it. */
            private void link(Pooled one) {
                Pooled other = shared.pick(random).orElseThrow();
                for (int tries = 0; other.layer() == one.layer() && tries < 20; tries++) {
                    other = shared.pick(random).orElseThrow();
                }
                Pooled parent = one.layer().isAbove(other.layer()) ? one : other;
                Pooled child = parent == one ? other : one;
                attempt("link", () -> {
                    cairn.link(parent.id(), child.id());
                    return new Link(parent.id(), child.id());
                }, NoSuchNodeException.class, InvalidLinkException.class).ifPresent(linked::add);
            }

            /** A label of its own each time, so that every successful label changes the node. */
            private void label(Pooled target, String tag) {
                attempt("label", () -> cairn.label(target.id(), tag), NoSuchNodeException.class).ifPresent(node -> {
                    assertThat(node.labels()).contains(tag);
                    written.add(new Written(node.id(), node.version(), tag));
                });
            }

            /** Cascade mostly, detach now and then: both delete a node with children and say what went. */
            private void delete(Pooled target) {
                DeleteMode mode = random.nextInt(4) == 0 ? DeleteMode.DETACH : DeleteMode.CASCADE;
                Optional<List<String>> deleted =
                        attempt("delete", () -> cairn.delete(target.id(), mode), NoSuchNodeException.class);
                deleted.ifPresent(doomed -> {
                    assertThat(doomed).startsWith(target.id()).doesNotHaveDuplicates();
                    if (mode == DeleteMode.DETACH) {
                        assertThat(doomed).containsExactly(target.id());
                    }
                    deletions.add(new Deletion(mode, doomed));
                    doomed.forEach(shared::remove);
                });
            }

            /** Runs a write; a refusal of one of the exact types a race explains counts, anything else fails. */
            @SafeVarargs
            private <T> Optional<T> attempt(String kind, Supplier<T> write, Class<? extends CairnException>... races) {
                try {
                    T result = write.get();
                    outcomes.merge(kind, 1, Integer::sum);
                    return Optional.of(result);
                } catch (RuntimeException failure) {
                    boolean explained = false;
                    for (Class<? extends CairnException> race : races) {
                        explained |= race == failure.getClass();
                    }
                    if (!explained) {
                        throw new AssertionError("A " + kind + " on thread " + thread + " failed with " + failure
                                + ", which no race between the writers explains", failure);
                    }
                    outcomes.merge(kind + ": " + failure.getClass().getSimpleName(), 1, Integer::sum);
                    return Optional.empty();
                }
            }
        }
    }
}
