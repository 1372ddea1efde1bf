package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.DuplicateNodeException;
import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.InvalidTransitionException;
import dev.cairn.core.Layer;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeHasChildrenException;
import dev.cairn.core.NodePatch;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.Status;
import dev.cairn.core.ValidationException;
import dev.cairn.core.VersionConflictException;
import dev.cairn.core.Violation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a mistake gives: a violation that names the field, the value and the rule; an invalid update refused
 * before anything is written, every read working after it; and one exception type for each mistake, the same on
 * every store.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class ValidationContractTest extends AbstractStoreContractTest {
    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected ValidationContractTest(StoreFixture fixture) {
        super(fixture);
    }

    @Nested
    class Validation {
        @Test
        void aViolationNamesTheFieldTheValueAndTheRule() {
            Node node = create(Layer.TASK);

            ValidationException invalid = catchValidation(() -> cairn.setProgress(node.id(), 250));

            assertThat(invalid.violations())
                    .containsExactly(new Violation("progress", "250", "must be between 0 and 100"));
            assertThat(invalid.getMessage()).isEqualTo("Invalid progress = '250': must be between 0 and 100");
        }

        @Test
        void everyBrokenRuleIsListed() {
            ValidationException invalid = catchValidation(() -> cairn.create(NodeDraft.of(Layer.TASK, " ")
                    .id("GOAL-1").progress(101).owner("o".repeat(201))));

            assertThat(invalid.violations()).extracting(Violation::field)
                    .containsExactly("id", "title", "progress", "owner");
            assertThat(invalid.getMessage()).startsWith("4 invalid values: ")
                    .contains("id = 'GOAL-1'", "progress = '101'", "must be at most 200 characters");
        }

        @Test
        void aMissingValueIsNamedAsMissing() {
            ValidationException invalid = catchValidation(() -> cairn.create(NodeDraft.of(Layer.TASK, null)));

            assertThat(invalid.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.field()).isEqualTo("title");
                assertThat(violation.value()).isNull();
            });
            assertThat(invalid.getMessage()).contains("title (missing)");
        }

        @Test
        void aLongValueIsShortenedInTheViolation() {
            ValidationException invalid = catchValidation(() -> cairn.create(NodeDraft.of(Layer.TASK,
                    "x".repeat(10_000))));

            assertThat(invalid.violations().get(0).value()).hasSizeLessThan(100).startsWith("xxxx");
            assertThat(invalid.getMessage()).hasSizeLessThan(300);
        }

        @Test
        void anInvalidLabelNamesTheLabel() {
            Node node = create(Layer.TASK);

            assertViolation(() -> cairn.label(node.id(), "ok", " padded "), "labels", " padded ",
                    "leading or trailing spaces");
            assertViolation(() -> cairn.label(node.id(), "l".repeat(101)), "labels", "l".repeat(80) + "…",
                    "at most 100");
            assertThat(cairn.get(node.id()).labels()).isEmpty();
        }

        @Test
        void aNegativeOffsetOrAZeroLimitIsRefused() {
            assertViolation(() -> NodeQuery.all().offset(-1), "offset", "-1", "0 or more");
            assertViolation(() -> NodeQuery.all().limit(0), "limit", "0", "1 or more");
            assertViolation(() -> cairn.events(0, 0), "limit", "0", "1 or more");
        }
    }

    /** ToDoWrite's second mistake: an invalid value was stored, and every later read failed on it. */
    @Nested
    class InvalidUpdatesAreRefused {
        @BeforeEach
        void createGraph() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
            create(Layer.COMMAND, "CMD-1", "TSK-1");
            cairn.label("TSK-1", "parser");
        }

        @Test
        void anUnknownStatusNameIsRefusedBeforeAnyWrite() {
            Node before = cairn.get("TSK-1");

            assertViolation(() -> cairn.setStatus("TSK-1", Status.parse("done")), "status", "done", "in_progress");

            assertThat(cairn.get("TSK-1")).isEqualTo(before);
            assertEveryReadWorks();
        }

        @ParameterizedTest
        @ValueSource(ints = {250, 101, -1})
        void progressOutOfRangeIsRefusedAndEveryLaterReadWorks(int progress) {
            Node before = cairn.get("TSK-1");

            assertViolation(() -> cairn.update("TSK-1", NodePatch.create().progress(progress).title("Changed")),
                    "progress", String.valueOf(progress), "between 0 and 100");
            assertViolation(() -> cairn.setProgress("TSK-1", progress),
                    "progress", String.valueOf(progress), "between 0 and 100");

            assertThat(cairn.get("TSK-1")).isEqualTo(before);
            assertThat(cairn.history("TSK-1")).extracting(Event::type)
                    .doesNotContain(EventType.UPDATED, EventType.STATUS_CHANGED);
            assertEveryReadWorks();
        }

        @Test
        void anInvalidUpdateInsideATransactionLeavesEveryReadWorking() {
            assertThatThrownBy(() -> cairn.useTransaction(graph -> {
                graph.setStatus("TSK-1", Status.IN_PROGRESS);
                graph.setProgress("TSK-1", 250);
            })).isExactlyInstanceOf(ValidationException.class);

            assertThat(cairn.get("TSK-1").status()).isEqualTo(Status.PLANNED);
            assertEveryReadWorks();
        }

        private void assertEveryReadWorks() {
            assertThat(cairn.get("TSK-1").progress()).isBetween(0, 100);
            assertThat(cairn.findById("TSK-1")).isPresent();
            assertThat(cairn.find(NodeQuery.all())).hasSize(3);
            assertThat(cairn.find(NodeQuery.all().sortBy(NodeQuery.Sort.PROGRESS))).hasSize(3);
            assertThat(cairn.find(NodeQuery.all().status(Status.PLANNED))).hasSize(3);
            assertThat(cairn.find(NodeQuery.all().withAnyLabel("parser"))).extracting(Node::id)
                    .containsExactly("TSK-1");
            assertThat(cairn.count(NodeQuery.all())).isEqualTo(3);
            assertThat(ids(cairn.descendants("GOAL-1"))).containsExactlyInAnyOrder("TSK-1", "CMD-1");
            assertThat(ids(cairn.ancestors("CMD-1"))).containsExactlyInAnyOrder("TSK-1", "GOAL-1");
            assertThat(ids(cairn.children("TSK-1"))).containsExactly("CMD-1");
            assertThat(cairn.history("TSK-1")).isNotEmpty();
            assertThat(cairn.events(0, 100)).isNotEmpty();
            assertThat(cairn.tree("GOAL-1").children()).hasSize(1);
            assertThat(cairn.forest()).hasSize(1);
            assertThat(cairn.countByLayerAndStatus()).hasSize(3);
            assertThat(cairn.rolledUpProgress("GOAL-1")).isBetween(0.0, 100.0);
        }
    }

    /** Each mistake gives one exception type, the same on every store; asserted exactly, subclass excluded. */
    @Nested
    class SameMistakeSameException {
        @BeforeEach
        void createGraph() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1");
            cairn.create(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").command(CommandSpec.of("AC-1", "make")));
        }

        private void assertFails(ThrowingCallable call, Class<? extends CairnException> type) {
            assertThatThrownBy(call).isExactlyInstanceOf(type).isInstanceOf(CairnException.class)
                    .hasMessageNotContaining("SQL").hasMessageNotContaining("jdbc");
        }

        @Test
        void aMissingNodeIsNoSuchNode() {
            assertFails(() -> cairn.get("TSK-none"), NoSuchNodeException.class);
            assertFails(() -> cairn.update("TSK-none", NodePatch.create().title("x")), NoSuchNodeException.class);
            assertFails(() -> cairn.delete("TSK-none"), NoSuchNodeException.class);
            assertFails(() -> cairn.link("GOAL-1", "TSK-none"), NoSuchNodeException.class);
            assertFails(() -> create(Layer.TASK, "TSK-2", "GOAL-none"), NoSuchNodeException.class);
            assertFails(() -> cairn.descendants("GOAL-none"), NoSuchNodeException.class);
        }

        @Test
        void aTakenIdIsDuplicateNode() {
            assertFails(() -> create(Layer.TASK, "TSK-1"), DuplicateNodeException.class);
            assertFails(() -> cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.TASK, "x").id("TSK-2"));
                graph.create(NodeDraft.of(Layer.TASK, "y").id("TSK-2"));
            }), DuplicateNodeException.class);
        }

        @Test
        void aBrokenRuleIsValidation() {
            assertFails(() -> cairn.setProgress("TSK-1", 250), ValidationException.class);
            assertFails(() -> cairn.create(NodeDraft.of(Layer.TASK, "")), ValidationException.class);
            assertFails(() -> create(Layer.TASK, "../x"), ValidationException.class);
            assertFails(() -> cairn.label("TSK-1", ""), ValidationException.class);
            assertFails(() -> cairn.update("CMD-1", NodePatch.create().command(CommandSpec.of("AC-2", "x"))),
                    ValidationException.class);
        }

        @Test
        void aLinkAgainstTheOrderOrTwiceIsInvalidLink() {
            assertFails(() -> cairn.link("TSK-1", "GOAL-1"), InvalidLinkException.class);
            assertFails(() -> cairn.link("GOAL-1", "TSK-1"), InvalidLinkException.class);
            assertFails(() -> cairn.unlink("GOAL-1", "CMD-1"), InvalidLinkException.class);
            assertFails(() -> cairn.delete("AC-1"), InvalidLinkException.class);
        }

        @Test
        void aTransitionOutsideTheTableIsInvalidTransition() {
            assertFails(() -> cairn.setStatus("TSK-1", Status.COMPLETED), InvalidTransitionException.class);
            assertFails(() -> cairn.reopen("TSK-1"), InvalidTransitionException.class);
        }

        @Test
        void aStaleVersionIsVersionConflict() {
            assertFails(() -> cairn.update("TSK-1", NodePatch.create().title("x").expectVersion(7)),
                    VersionConflictException.class);
        }

        @Test
        void deletingAParentIsNodeHasChildren() {
            assertFails(() -> cairn.delete("GOAL-1"), NodeHasChildrenException.class);
        }
    }
}
