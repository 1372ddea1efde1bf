package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.PlanTree;
import dev.cairn.core.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphTextTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    private static Node node(String id, Layer layer, String title, Status status) {
        return Node.builder(id, layer).title(title).status(status).createdAt(AT).updatedAt(AT).build();
    }

    @Test
    void mermaidLabelsEscapeQuotesMarkupAndLineBreaks() {
        assertThat(GraphText.mermaidText("Say \"hi\" <b>now</b> & #1\r\nthen\nagain\tend"))
                .isEqualTo("Say #quot;hi#quot; #lt;b#gt;now#lt;/b#gt; #amp; #35;1<br/>then<br/>again end");
    }

    @Test
    void dotLabelsEscapeQuotesBackslashesAndLineBreaks() {
        assertThat(GraphText.dotString("C:\\plans \"v2\"\nnext <&>"))
                .isEqualTo("\"C:\\\\plans \\\"v2\\\"\\nnext <&>\"");
    }

    @Test
    void mermaidIdsThatWouldCollideAreNumbered() {
        Node goal = node("GOAL-A_B", Layer.GOAL, "One", Status.PLANNED);
        Node other = node("GOAL-A-B", Layer.GOAL, "Two", Status.CANCELLED);

        String mermaid = GraphText.mermaid(List.of(new PlanTree(goal, 0, List.of()), new PlanTree(other, 0, List.of())));

        assertThat(mermaid).endsWith("""
                    GOAL_A_B["GOAL-A_B<br/>One<br/>planned, 0%"]:::planned
                    GOAL_A_B_2["GOAL-A-B<br/>Two<br/>cancelled, 0%"]:::cancelled
                """);
    }

    @Test
    void aNodeUnderTwoParentsIsDrawnOnceWithAnEdgeFromEach() {
        Node task = node("TSK-SHARED", Layer.TASK, "Shared", Status.COMPLETED);
        PlanTree shared = new PlanTree(task, 100, List.of());
        PlanTree left = new PlanTree(node("GOAL-L", Layer.GOAL, "Left", Status.BLOCKED), 100, List.of(shared));
        PlanTree right = new PlanTree(node("GOAL-R", Layer.GOAL, "Right", Status.IN_PROGRESS), 100, List.of(shared));

        String dot = GraphText.dot(List.of(left, right));

        assertThat(dot).isEqualTo("""
                digraph plan {
                    rankdir=TB;
                    node [shape=box, style="rounded,filled", fontname="Helvetica"];
                    "GOAL-L" [label="GOAL-L\\nLeft\\nblocked, 100%", fillcolor="#ffebee", color="#e53935", \
                fontcolor="#b71c1c"];
                    "TSK-SHARED" [label="TSK-SHARED\\nShared\\ncompleted, 100%", fillcolor="#e8f5e9", \
                color="#43a047", fontcolor="#1b5e20"];
                    "GOAL-R" [label="GOAL-R\\nRight\\nin_progress, 100%", fillcolor="#e3f2fd", color="#1e88e5", \
                fontcolor="#0d47a1"];
                    "GOAL-L" -> "TSK-SHARED";
                    "GOAL-R" -> "TSK-SHARED";
                }
                """);
    }

    @Test
    void aCancelledNodeIsDashedInDot() {
        String dot = GraphText.dot(List.of(new PlanTree(node("GOAL-X", Layer.GOAL, "X", Status.CANCELLED), 0,
                List.of())));

        assertThat(dot).contains("\"GOAL-X\" [label=\"GOAL-X\\nX\\ncancelled, 0%\", fillcolor=\"#eeeeee\", "
                + "color=\"#9e9e9e\", fontcolor=\"#616161\", style=\"rounded,filled,dashed\"];");
    }
}
