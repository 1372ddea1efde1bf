package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.RunSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The streamed reads of every node and link that an export or a copy uses, across more than one page of a SQL
 * store's stream.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class StreamingContractTest extends AbstractStoreContractTest {
    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected StreamingContractTest(StoreFixture fixture) {
        super(fixture);
    }

    /**
     * The streaming reads an export or a copy uses: every node in id order, labels and command specs
     * included, and every link in order, across more than one page of a SQL store's stream.
     */
    @Nested
    class Streaming {
        /** More nodes than a SQL store's stream reads in one page (500), and not a multiple of it. */
        private static final int PAST_TWO_PAGES = 1_234;

        /** Tasks, every seventh labelled, and below each fifth a Command, in ids that sort across pages. */
        private void fillPastTwoPages() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1", "GOAL-1");
            cairn.defineLabel("seventh", "Every seventh task");
            cairn.batch(batch -> {
                // Added in reverse, so that the order streamed is the store's, not the order of insertion.
                for (int i = PAST_TWO_PAGES; i > 0; i--) {
                    String task = String.format(Locale.ROOT, "TSK-%05d", i);
                    NodeDraft draft = NodeDraft.of(Layer.TASK, "Task " + i).id(task).parents("GOAL-1");
                    batch.add(i % 7 == 0 ? draft.labels("seventh", "t" + i) : draft);
                    if (i % 5 == 0) {
                        batch.add(NodeDraft.of(Layer.COMMAND, "Check " + i).id(String.format(Locale.ROOT,
                                        "CMD-%05d", i)).parents(task, "AC-1")
                                .command(new CommandSpec("AC-1", new RunSpec("make check N=" + i, "dir" + i,
                                        Map.of("N", Integer.toString(i))), List.of("out/" + i + ".txt"))));
                    }
                }
            });
        }

        private List<Node> streamedNodes() {
            return store.read(tx -> {
                List<Node> nodes = new ArrayList<>();
                tx.forEachNode(nodes::add);
                return nodes;
            });
        }

        private List<Link> streamedLinks() {
            return store.read(tx -> {
                List<Link> links = new ArrayList<>();
                tx.forEachLink(links::add);
                return links;
            });
        }

        @Test
        void anEmptyStoreStreamsNothing() {
            assertThat(streamedNodes()).isEmpty();
            assertThat(streamedLinks()).isEmpty();
        }

        @Test
        void everyNodeComesOnceSortedByIdWithItsLabelsAndCommandSpec() {
            fillPastTwoPages();

            List<Node> streamed = streamedNodes();

            assertThat(streamed).hasSize(2 + PAST_TWO_PAGES + PAST_TWO_PAGES / 5);
            assertThat(ids(streamed)).isSorted().doesNotHaveDuplicates();
            assertThat(streamed).containsExactlyElementsOf(cairn.find(NodeQuery.all()));
            Node labelled = streamed.stream().filter(node -> node.id().equals("TSK-00700")).findFirst().orElseThrow();
            assertThat(labelled.labels()).containsExactly("seventh", "t700");
            Node command = streamed.stream().filter(node -> node.id().equals("CMD-00505")).findFirst().orElseThrow();
            assertThat(command.command()).isEqualTo(new CommandSpec("AC-1", new RunSpec("make check N=505", "dir505",
                    Map.of("N", "505")), List.of("out/505.txt")));
            assertThat(streamed).filteredOn(node -> node.layer() == Layer.COMMAND).allSatisfy(node ->
                    assertThat(node.command().run().shell()).endsWith("=" + Integer.parseInt(node.id().substring(4))));
            assertThat(streamed).filteredOn(node -> node.layer() != Layer.COMMAND)
                    .allSatisfy(node -> assertThat(node.command()).isNull());
        }

        @Test
        void everyLinkComesOnceSortedByParentThenChild() {
            fillPastTwoPages();

            List<Link> streamed = streamedLinks();

            assertThat(streamed).hasSize(1 + PAST_TWO_PAGES + 2 * (PAST_TWO_PAGES / 5));
            assertThat(streamed).containsExactlyElementsOf(cairn.links());
            assertThat(streamed).isSortedAccordingTo(Comparator.comparing(Link::parentId)
                    .thenComparing(Link::childId));
        }

        @Test
        void anActionMayQueryTheSameTransactionWhileTheStreamIsOpen() {
            fillPastTwoPages();

            Map<String, List<String>> parentsSeen = store.read(tx -> {
                Map<String, List<String>> seen = new TreeMap<>();
                tx.forEachNode(node -> {
                    if (node.layer() == Layer.COMMAND) {
                        seen.put(node.id(), tx.parentIds(node.id()));
                    }
                });
                return seen;
            });

            assertThat(parentsSeen).hasSize(PAST_TWO_PAGES / 5)
                    .containsEntry("CMD-00005", List.of("AC-1", "TSK-00005"));
        }

        @Test
        void whatTheActionThrowsEndsTheStreamAndIsRethrownAsItWas() {
            fillPastTwoPages();
            IllegalStateException stop = new IllegalStateException("enough");
            AtomicInteger seen = new AtomicInteger();

            Throwable thrown = catchThrowable(() -> store.read(tx -> {
                tx.forEachNode(node -> {
                    if (seen.incrementAndGet() == 600) {
                        throw stop;
                    }
                });
                return null;
            }));

            assertThat(thrown).isSameAs(stop);
            assertThat(seen).hasValue(600);
            assertThat(streamedNodes()).hasSize(2 + PAST_TWO_PAGES + PAST_TWO_PAGES / 5);
        }

        @Test
        void aStreamInsideAWriteSeesTheWritesOwnChanges() {
            create(Layer.GOAL, "GOAL-1");

            List<String> seen = cairn.inTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.TASK, "New").id("TSK-new").parents("GOAL-1"));
                return store.read(tx -> {
                    List<String> ids = new ArrayList<>();
                    tx.forEachNode(node -> ids.add(node.id()));
                    tx.forEachLink(link -> ids.add(link.parentId() + ">" + link.childId()));
                    return ids;
                });
            });

            assertThat(seen).containsExactly("GOAL-1", "TSK-new", "GOAL-1>TSK-new");
        }

        @Test
        void parentIdsOfGivesTheSortedParentsOfEachNodeThatHasAny() {
            create(Layer.GOAL, "GOAL-2");
            create(Layer.GOAL, "GOAL-1");
            create(Layer.REQUIREMENTS, "R-1", "GOAL-2", "GOAL-1");
            create(Layer.TASK, "TSK-1", "R-1");

            Map<String, List<String>> parents = store.read(tx -> tx.parentIdsOf(List.of("TSK-1", "GOAL-1", "R-1",
                    "TSK-none")));

            assertThat(parents).containsOnly(Map.entry("TSK-1", List.of("R-1")),
                    Map.entry("R-1", List.of("GOAL-1", "GOAL-2")));
        }
    }
}
