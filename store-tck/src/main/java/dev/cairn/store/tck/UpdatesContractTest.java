package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodePatch;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.RunSpec;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.VersionConflictException;
import dev.cairn.core.WorkType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Updates as patches: an absent field left alone, an empty one cleared, and nothing else lost (labels, links,
 * command spec); each change one version more, and a stale version refused.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class UpdatesContractTest extends AbstractStoreContractTest {
    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected UpdatesContractTest(StoreFixture fixture) {
        super(fixture);
    }

    @Nested
    class Updates {
        private Node node;

        @BeforeEach
        void createFullNode() {
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1");
            create(Layer.ACCEPTANCE_CRITERIA, "AC-2");
            node = cairn.create(NodeDraft.of(Layer.COMMAND, "Run the tests").id("CMD-1")
                    .description("All of them").owner("ana").assignee("bo").severity(Severity.LOW)
                    .workType(WorkType.TEST).progress(10).labels("ci", "tests")
                    .customField("keep", "me").customField("drop", 1).customField("change", "old")
                    .command(CommandSpec.of("AC-1", "mvn verify")));
            tick();
        }

        @Test
        void anAbsentFieldIsLeftAlone() {
            Node updated = cairn.update("CMD-1", NodePatch.create().title("Run every test"));

            assertThat(updated.title()).isEqualTo("Run every test");
            assertThat(updated).usingRecursiveComparison()
                    .ignoringFields("title", "version", "updatedAt").isEqualTo(node);
            assertThat(cairn.get("CMD-1")).isEqualTo(updated);
        }

        @Test
        void anEmptyOrNullFieldIsCleared() {
            Node updated = cairn.update("CMD-1", NodePatch.create().description("").owner(null).assignee("")
                    .severity(null).workType(null));

            assertThat(cairn.get("CMD-1")).isEqualTo(updated).satisfies(read -> {
                assertThat(read.description()).isNull();
                assertThat(read.owner()).isNull();
                assertThat(read.assignee()).isNull();
                assertThat(read.severity()).isNull();
                assertThat(read.workType()).isNull();
                assertThat(read.title()).isEqualTo("Run the tests");
                assertThat(read.labels()).containsExactly("ci", "tests");
            });
        }

        @Test
        void theTitleCannotBeCleared() {
            assertViolation(() -> cairn.update("CMD-1", NodePatch.create().title("")), "title", null, "required");
            assertThat(cairn.get("CMD-1")).isEqualTo(node);
        }

        @Test
        void everyFieldCanBeSet() {
            cairn.update("CMD-1", NodePatch.create().title("T").description("D").owner("o").assignee("a")
                    .severity(Severity.CRITICAL).workType(WorkType.OPS).progress(70));

            assertThat(cairn.get("CMD-1")).satisfies(read -> {
                assertThat(read.title()).isEqualTo("T");
                assertThat(read.description()).isEqualTo("D");
                assertThat(read.owner()).isEqualTo("o");
                assertThat(read.assignee()).isEqualTo("a");
                assertThat(read.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(read.workType()).isEqualTo(WorkType.OPS);
                assertThat(read.progress()).isEqualTo(70);
            });
        }

        @Test
        void customFieldsMergeKeyByKeyAndNullRemovesAKey() {
            Node updated = cairn.update("CMD-1", NodePatch.create().customField("drop", null)
                    .customField("change", Map.of("now", List.of(1, 2))).customField("add", false));

            assertThat(updated.customFields()).containsOnly(
                    Map.entry("keep", "me"), Map.entry("change", Map.of("now", List.of(1, 2))),
                    Map.entry("add", false));
            assertThat(cairn.get("CMD-1").customFields()).isEqualTo(updated.customFields());
        }

        @Test
        void aCustomFieldThatIsNotJsonAbleIsRefused() {
            assertThat(catchValidation(() -> cairn.update("CMD-1", NodePatch.create()
                    .customField("when", Instant.EPOCH))).violations())
                    .singleElement().satisfies(violation ->
                            assertThat(violation.field()).startsWith("customFields.when"));
            assertThat(cairn.get("CMD-1")).isEqualTo(node);
        }

        @Test
        void labelsInAPatchReplaceTheNodesLabels() {
            cairn.update("CMD-1", NodePatch.create().labels("release", "ci"));

            assertThat(cairn.get("CMD-1").labels()).containsExactly("ci", "release");
            assertThat(cairn.find(NodeQuery.all().withAnyLabel("tests"))).isEmpty();
        }

        @Test
        void noLabelsInAPatchClearThem() {
            cairn.update("CMD-1", NodePatch.create().labels());

            assertThat(cairn.get("CMD-1").labels()).isEmpty();
        }

        @Test
        void theCommandSpecCanBeReplaced() {
            CommandSpec other = new CommandSpec("AC-2", new RunSpec("make check", "src", Map.of("V", "1")),
                    List.of("report.txt"));

            cairn.update("CMD-1", NodePatch.create().command(other));

            assertThat(cairn.get("CMD-1").command()).isEqualTo(other);
            assertThatThrownBy(() -> cairn.delete("AC-2"))
                    .isExactlyInstanceOf(InvalidLinkException.class);
            cairn.delete("AC-1");
            assertThat(cairn.findById("AC-1")).isEmpty();
        }

        @Test
        void theCommandSpecCanBeCleared() {
            cairn.update("CMD-1", NodePatch.create().command(null));

            assertThat(cairn.get("CMD-1").command()).isNull();
            cairn.delete("AC-1");
            assertThat(cairn.findById("AC-1")).isEmpty();
        }

        @Test
        void aCommandSpecNamingAMissingAcceptanceCriteriaIsRefused() {
            assertViolation(() -> cairn.update("CMD-1", NodePatch.create()
                    .command(CommandSpec.of("AC-gone", "make"))), "command.acRef", "AC-gone", "existing");
            assertThat(cairn.get("CMD-1")).isEqualTo(node);
        }

        @Test
        void anUpdateThatChangesNothingKeepsTheVersionAndAppendsNoEvent() {
            Node same = cairn.update("CMD-1", NodePatch.create().title("Run the tests").owner("ana"));

            assertThat(same).isEqualTo(node);
            assertThat(cairn.get("CMD-1").version()).isEqualTo(node.version());
            assertThat(cairn.history("CMD-1")).hasSize(1);
        }

        @Test
        void eachChangeIncrementsTheVersionAndStampsUpdatedAt() {
            Instant first = clock.instant();
            Node once = cairn.update("CMD-1", NodePatch.create().title("One"));
            Instant second = tick();
            Node twice = cairn.setProgress("CMD-1", 20);
            Instant third = tick();
            Node thrice = cairn.label("CMD-1", "more");

            assertThat(List.of(once, twice, thrice)).extracting(Node::version).containsExactly(2L, 3L, 4L);
            assertThat(List.of(once, twice, thrice)).extracting(Node::updatedAt)
                    .containsExactly(first, second, third);
            assertThat(cairn.get("CMD-1").createdAt()).isEqualTo(START);
        }

        @Test
        void anUpdateOfAMissingNodeFails() {
            assertThatThrownBy(() -> cairn.update("TSK-missing", NodePatch.create().title("x")))
                    .isExactlyInstanceOf(NoSuchNodeException.class);
        }
    }

    /** ToDoWrite's first mistake: a status change (or any partial update) wiped labels, links and command. */
    @Nested
    class PartialUpdatesKeepTheRest {
        @BeforeEach
        void createCommandInAGraph() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1", "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
            create(Layer.SUB_TASK, "SUB-1", "TSK-1");
            cairn.label("TSK-1", "parser", "urgent");
            cairn.create(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").parents("SUB-1", "AC-1")
                    .labels("ci").command(new CommandSpec("AC-1", new RunSpec("make", "w", Map.of("K", "v")),
                            List.of("out.txt"))));
        }

        @ParameterizedTest
        @EnumSource(value = Status.class, names = {"IN_PROGRESS", "BLOCKED", "CANCELLED"})
        void aStatusChangeKeepsLabelsLinksAndCommandSpec(Status status) {
            Node before = cairn.get("CMD-1");
            Node taskBefore = cairn.get("TSK-1");

            cairn.setStatus("CMD-1", status);
            cairn.setStatus("TSK-1", status);

            assertKept("CMD-1", before);
            assertKept("TSK-1", taskBefore);
        }

        @Test
        void completingKeepsLabelsLinksAndCommandSpec() {
            Node before = cairn.get("CMD-1");

            cairn.setStatus("CMD-1", Status.IN_PROGRESS);
            cairn.setStatus("CMD-1", Status.COMPLETED);
            cairn.reopen("CMD-1");

            assertKept("CMD-1", before);
        }

        @Test
        void aPartialUpdateKeepsLabelsLinksAndCommandSpec() {
            Node before = cairn.get("CMD-1");
            Node taskBefore = cairn.get("TSK-1");

            cairn.update("CMD-1", NodePatch.create().title("Renamed").assignee("bo").customField("x", 1));
            cairn.update("TSK-1", NodePatch.create().description("Now described").progress(50));
            cairn.setProgress("CMD-1", 60);

            assertKept("CMD-1", before);
            assertKept("TSK-1", taskBefore);
        }

        @Test
        void aStatusChangeInATransactionKeepsLabelsLinksAndCommandSpec() {
            Node before = cairn.get("CMD-1");

            cairn.useTransaction(graph -> {
                graph.setStatus("CMD-1", Status.IN_PROGRESS);
                graph.update("CMD-1", NodePatch.create().owner("cy"));
            });

            assertKept("CMD-1", before);
        }

        private void assertKept(String id, Node before) {
            Node after = cairn.get(id);
            assertThat(after.labels()).isEqualTo(before.labels()).isNotEmpty();
            assertThat(after.command()).isEqualTo(before.command());
            assertThat(after.customFields()).containsAllEntriesOf(before.customFields());
            assertThat(links(id)).isNotEmpty();
            assertThat(cairn.find(NodeQuery.all().withAllLabels(before.labels().toArray(String[]::new))))
                    .extracting(Node::id).contains(id);
        }

        private List<Link> links(String id) {
            return cairn.links().stream().filter(link -> link.childId().equals(id) || link.parentId().equals(id))
                    .toList();
        }

        @Test
        void theLinksAreExactlyTheSameAfterwards() {
            List<Link> before = cairn.links();

            cairn.setStatus("TSK-1", Status.IN_PROGRESS);
            cairn.setStatus("CMD-1", Status.BLOCKED);
            cairn.update("SUB-1", NodePatch.create().title("Retitled"));

            assertThat(cairn.links()).isEqualTo(before);
            assertThat(ids(cairn.parents("CMD-1"))).containsExactly("AC-1", "SUB-1");
            assertThat(ids(cairn.children("TSK-1"))).containsExactly("SUB-1");
        }
    }

    @Nested
    class OptimisticLocking {
        @Test
        void anUpdateExpectingTheCurrentVersionSucceedsAndIncrementsIt() {
            Node node = create(Layer.TASK);

            Node updated = cairn.update(node.id(), NodePatch.create().title("New").expectVersion(1));

            assertThat(updated.version()).isEqualTo(2);
            assertThat(cairn.get(node.id()).version()).isEqualTo(2);
        }

        @Test
        void anUpdateExpectingAStaleVersionFailsAndChangesNothing() {
            Node node = create(Layer.TASK);
            Node moved = cairn.update(node.id(), NodePatch.create().title("Moved on"));

            assertThatThrownBy(() -> cairn.update(node.id(), NodePatch.create().title("Stale")
                    .expectVersion(node.version())))
                    .isExactlyInstanceOf(VersionConflictException.class)
                    .hasMessageContaining(node.id())
                    .hasMessageContaining("version 2")
                    .hasMessageContaining("expected 1");
            assertThat(cairn.get(node.id())).isEqualTo(moved);
            assertThat(cairn.history(node.id())).hasSize(2);
        }

        @Test
        void aStaleVersionFailsInsideATransactionToo() {
            Node node = create(Layer.TASK);
            cairn.setProgress(node.id(), 10);

            assertThatThrownBy(() -> cairn.useTransaction(graph -> graph.update(node.id(),
                    NodePatch.create().progress(20).expectVersion(1))))
                    .isExactlyInstanceOf(VersionConflictException.class);
            assertThat(cairn.get(node.id()).progress()).isEqualTo(10);
        }

        @Test
        void aVersionFromAReadAllowsExactlyOneUpdate() {
            Node read = create(Layer.TASK);
            cairn.update(read.id(), NodePatch.create().owner("ana").expectVersion(read.version()));

            assertThatThrownBy(() -> cairn.update(read.id(), NodePatch.create().owner("bo")
                    .expectVersion(read.version())))
                    .isExactlyInstanceOf(VersionConflictException.class);
            assertThat(cairn.get(read.id()).owner()).isEqualTo("ana");
        }

        @Test
        void everyWriteToANodeIncrementsItsVersion() {
            Node node = create(Layer.TASK);

            List<Long> versions = List.of(
                    cairn.setStatus(node.id(), Status.IN_PROGRESS).version(),
                    cairn.label(node.id(), "a").version(),
                    cairn.unlabel(node.id(), "a").version(),
                    cairn.setProgress(node.id(), 5).version(),
                    cairn.update(node.id(), NodePatch.create().customField("k", "v")).version());

            assertThat(versions).containsExactly(2L, 3L, 4L, 5L, 6L);
            assertThat(cairn.get(node.id()).version()).isEqualTo(6);
        }
    }
}
