package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodePatch;
import dev.cairn.core.NodeQuery;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Labels: added, removed, shared between nodes, defined with a description, at most 200 on a node.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class LabelsContractTest extends AbstractStoreContractTest {
    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected LabelsContractTest(StoreFixture fixture) {
        super(fixture);
    }

    @Nested
    class Labels {
        @Test
        void labelAddsLabelsAndKeepsThoseThere() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("a"));

            Node labelled = cairn.label(node.id(), "c", "b");

            assertThat(labelled.labels()).containsExactly("a", "b", "c");
            assertThat(cairn.get(node.id()).labels()).containsExactly("a", "b", "c");
        }

        @Test
        void labellingWithLabelsTheNodeHasChangesNothing() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("a", "b"));

            assertThat(cairn.label(node.id(), "a", "b")).isEqualTo(node);
            assertThat(cairn.history(node.id())).hasSize(1);
        }

        @Test
        void unlabelRemovesLabelsAndIgnoresThoseNotThere() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("a", "b", "c"));

            Node unlabelled = cairn.unlabel(node.id(), "a", "c", "zzz");

            assertThat(unlabelled.labels()).containsExactly("b");
            assertThat(cairn.get(node.id()).labels()).containsExactly("b");
            assertThat(cairn.find(NodeQuery.all().withAnyLabel("a", "c"))).isEmpty();
        }

        @Test
        void unlabelWithLabelsTheNodeLacksChangesNothing() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("a"));

            assertThat(cairn.unlabel(node.id(), "b")).isEqualTo(node);
            assertThat(cairn.history(node.id())).hasSize(1);
        }

        @Test
        void aLabelIsSharedByTheNodesThatCarryIt() {
            Node first = create(Layer.TASK);
            Node second = create(Layer.TASK);
            create(Layer.TASK);

            cairn.label(first.id(), "shared");
            cairn.label(second.id(), "shared");

            assertThat(ids(cairn.find(NodeQuery.all().withAnyLabel("shared"))))
                    .containsExactlyInAnyOrder(first.id(), second.id());
            assertThat(cairn.labels()).extracting(Label::name).containsExactly("shared");
        }

        @Test
        void defineLabelCreatesALabelWithADescriptionAndReplacesIt() {
            cairn.defineLabel("parser", "Work on the parser");
            cairn.defineLabel("api", null);

            assertThat(cairn.labels()).containsExactly(new Label("api", null),
                    new Label("parser", "Work on the parser"));

            cairn.defineLabel("parser", "The parser and the lexer");

            assertThat(cairn.labels()).containsExactly(new Label("api", null),
                    new Label("parser", "The parser and the lexer"));
        }

        @Test
        void labellingANodeKeepsTheDescriptionOfADefinedLabel() {
            cairn.defineLabel("parser", "Work on the parser");
            Node node = create(Layer.TASK);

            cairn.label(node.id(), "parser");

            assertThat(cairn.labels()).containsExactly(new Label("parser", "Work on the parser"));
        }

        @Test
        void aNodeCarriesAtMost200Labels() {
            List<String> names = IntStream.range(0, 200).mapToObj(i -> "label-" + i).toList();
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels(names));

            assertThat(cairn.get(node.id()).labels()).hasSize(200);
            assertViolation(() -> cairn.label(node.id(), "one-more"), "labels", "201 labels", "at most 200");
            assertViolation(() -> cairn.update(node.id(), NodePatch.create().labels(
                    IntStream.range(0, 201).mapToObj(i -> "other-" + i).toList())), "labels", "201 labels",
                    "at most 200");
            assertViolation(() -> cairn.create(NodeDraft.of(Layer.TASK, "Task").labels(names).labels("x")),
                    "labels", "201 labels", "at most 200");
            assertThat(cairn.get(node.id())).isEqualTo(node);
        }

        @Test
        void defineLabelRefusesABlankName() {
            assertViolation(() -> cairn.defineLabel(" ", "x"), "label", " ", "must not be blank");
            assertThat(cairn.labels()).isEmpty();
        }

        @Test
        void labelNamesAreCaseSensitive() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("Parser", "parser"));

            assertThat(cairn.get(node.id()).labels()).containsExactly("Parser", "parser");
            assertThat(cairn.labels()).extracting(Label::name).containsExactly("Parser", "parser");
            assertThat(cairn.count(NodeQuery.all().withAllLabels("PARSER"))).isZero();
        }

        @Test
        void labelOfAMissingNodeFails() {
            assertThatThrownBy(() -> cairn.label("TSK-missing", "a"))
                    .isExactlyInstanceOf(NoSuchNodeException.class);
        }
    }
}
