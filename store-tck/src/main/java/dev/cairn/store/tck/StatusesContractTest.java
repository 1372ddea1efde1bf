package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.EventType;
import dev.cairn.core.InvalidTransitionException;
import dev.cairn.core.Layer;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodePatch;
import dev.cairn.core.Status;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The status transitions of DESIGN.md, every one allowed or refused as the table says, reopening a completed
 * node, and the dates entering a status stamps.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class StatusesContractTest extends AbstractStoreContractTest {
    /** The statuses each status may move to, as DESIGN.md states them; written out, not derived. */
    private static final Map<Status, Set<Status>> TRANSITIONS = transitions();

    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected StatusesContractTest(StoreFixture fixture) {
        super(fixture);
    }

    private static Map<Status, Set<Status>> transitions() {
        Map<Status, Set<Status>> table = new EnumMap<>(Status.class);
        table.put(Status.PLANNED, EnumSet.of(Status.IN_PROGRESS, Status.BLOCKED, Status.CANCELLED));
        table.put(Status.IN_PROGRESS, EnumSet.of(Status.COMPLETED, Status.BLOCKED, Status.CANCELLED));
        table.put(Status.BLOCKED, EnumSet.of(Status.IN_PROGRESS, Status.CANCELLED));
        table.put(Status.CANCELLED, EnumSet.of(Status.IN_PROGRESS));
        table.put(Status.COMPLETED, EnumSet.noneOf(Status.class));
        return table;
    }

    static Stream<Arguments> allowedTransitions() {
        return Stream.of(Status.values()).flatMap(from -> TRANSITIONS.get(from).stream()
                .map(to -> Arguments.of(from, to)));
    }

    static Stream<Arguments> refusedTransitions() {
        return Stream.of(Status.values()).flatMap(from -> Stream.of(Status.values())
                .filter(to -> to != from && !TRANSITIONS.get(from).contains(to))
                .map(to -> Arguments.of(from, to)));
    }

    @Nested
    class Statuses {
        @ParameterizedTest(name = "{0} → {1}")
        @MethodSource("dev.cairn.store.tck.StatusesContractTest#allowedTransitions")
        void movesAlongEveryAllowedTransition(Status from, Status to) {
            Node node = createIn(from);
            tick();

            Node moved = cairn.setStatus(node.id(), to);

            assertThat(moved.status()).isEqualTo(to);
            assertThat(moved.version()).isEqualTo(node.version() + 1);
            assertThat(cairn.get(node.id())).isEqualTo(moved);
            assertThat(cairn.history(node.id())).filteredOn(event -> event.type() == EventType.STATUS_CHANGED)
                    .singleElement()
                    .satisfies(event -> assertThat(event.details())
                            .containsEntry("from", from.wireName()).containsEntry("to", to.wireName()));
        }

        @ParameterizedTest(name = "{0} → {1}")
        @MethodSource("dev.cairn.store.tck.StatusesContractTest#refusedTransitions")
        void refusesEveryOtherTransition(Status from, Status to) {
            Node node = createIn(from);

            assertThatThrownBy(() -> cairn.setStatus(node.id(), to))
                    .isExactlyInstanceOf(InvalidTransitionException.class)
                    .hasMessageContaining(from.wireName()).hasMessageContaining(to.wireName());
            assertThat(cairn.get(node.id())).isEqualTo(node);
            assertThat(cairn.history(node.id())).hasSize(1);
        }

        @ParameterizedTest
        @EnumSource(Status.class)
        void aChangeToTheSameStatusChangesNothing(Status status) {
            Node node = createIn(status);
            tick();

            Node same = cairn.setStatus(node.id(), status);

            assertThat(same).isEqualTo(node);
            assertThat(cairn.get(node.id())).isEqualTo(node);
            assertThat(cairn.history(node.id())).hasSize(1);
        }

        @Test
        void enteringInProgressStampsStartedAt() {
            Node node = create(Layer.TASK);
            Instant now = tick();

            Node started = cairn.setStatus(node.id(), Status.IN_PROGRESS);

            assertThat(started.startedAt()).isEqualTo(now);
            assertThat(started.completedAt()).isNull();
            assertThat(started.updatedAt()).isEqualTo(now);
        }

        @Test
        void startedAtIsStampedOnceNotAgainAfterBlocked() {
            Node node = create(Layer.TASK);
            Instant first = tick();
            cairn.setStatus(node.id(), Status.IN_PROGRESS);
            tick();
            cairn.setStatus(node.id(), Status.BLOCKED);
            tick();

            Node resumed = cairn.setStatus(node.id(), Status.IN_PROGRESS);

            assertThat(resumed.startedAt()).isEqualTo(first);
            assertThat(cairn.get(node.id()).startedAt()).isEqualTo(first);
        }

        @Test
        void resumingACancelledNodeThatNeverStartedStampsStartedAt() {
            Node node = create(Layer.TASK);
            cairn.setStatus(node.id(), Status.CANCELLED);
            Instant now = tick();

            assertThat(cairn.setStatus(node.id(), Status.IN_PROGRESS).startedAt()).isEqualTo(now);
        }

        @Test
        void completingStampsCompletedAtAndSetsProgressTo100() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").progress(30));
            Instant started = tick();
            cairn.setStatus(node.id(), Status.IN_PROGRESS);
            Instant completed = tick();

            Node done = cairn.setStatus(node.id(), Status.COMPLETED);

            assertThat(done.completedAt()).isEqualTo(completed);
            assertThat(done.startedAt()).isEqualTo(started);
            assertThat(done.progress()).isEqualTo(100);
            assertThat(cairn.get(node.id())).isEqualTo(done);
        }

        @Test
        void aCompletedNodeMovesOnlyByReopen() {
            Node node = createIn(Status.COMPLETED);

            assertThatThrownBy(() -> cairn.setStatus(node.id(), Status.IN_PROGRESS))
                    .isExactlyInstanceOf(InvalidTransitionException.class)
                    .hasMessageContaining("reopen");
        }

        @Test
        void reopenMovesACompletedNodeBackToInProgressAndClearsCompletedAt() {
            Node node = create(Layer.TASK);
            Instant started = tick();
            cairn.setStatus(node.id(), Status.IN_PROGRESS);
            tick();
            cairn.setStatus(node.id(), Status.COMPLETED);
            Instant reopenedAt = tick();

            Node reopened = cairn.reopen(node.id());

            assertThat(reopened.status()).isEqualTo(Status.IN_PROGRESS);
            assertThat(reopened.completedAt()).isNull();
            assertThat(reopened.startedAt()).isEqualTo(started);
            assertThat(reopened.updatedAt()).isEqualTo(reopenedAt);
            assertThat(cairn.get(node.id())).isEqualTo(reopened);
            assertThat(cairn.setStatus(node.id(), Status.COMPLETED).completedAt()).isEqualTo(reopenedAt);
        }

        @ParameterizedTest
        @EnumSource(value = Status.class, names = "COMPLETED", mode = EnumSource.Mode.EXCLUDE)
        void reopenRefusesANodeThatIsNotCompleted(Status status) {
            Node node = createIn(status);

            assertThatThrownBy(() -> cairn.reopen(node.id()))
                    .isExactlyInstanceOf(InvalidTransitionException.class)
                    .hasMessageContaining(status.wireName());
            assertThat(cairn.get(node.id())).isEqualTo(node);
        }

        @Test
        void aStatusInAPatchGoesThroughTheTable() {
            Node node = create(Layer.TASK);

            assertThatThrownBy(() -> cairn.update(node.id(), NodePatch.create().status(Status.COMPLETED)))
                    .isExactlyInstanceOf(InvalidTransitionException.class);
            assertThat(cairn.update(node.id(), NodePatch.create().status(Status.IN_PROGRESS)).status())
                    .isEqualTo(Status.IN_PROGRESS);
        }

        @Test
        void theStatusCannotBeCleared() {
            Node node = create(Layer.TASK);

            assertViolation(() -> cairn.update(node.id(), NodePatch.create().status(null)), "status", null,
                    "cannot be cleared");
            assertThat(cairn.get(node.id())).isEqualTo(node);
        }

        @Test
        void theStatusOfAMissingNodeCannotChange() {
            assertThatThrownBy(() -> cairn.setStatus("TSK-missing", Status.IN_PROGRESS))
                    .isExactlyInstanceOf(NoSuchNodeException.class)
                    .hasMessageContaining("TSK-missing");
        }
    }
}
