package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hierarchy as Mermaid and DOT ({@link GraphText}), with the rolled-up progress each store's tree carries:
 * the same on every store. A subclass names the store, fresh for each test.
 */
abstract class StoreGraphsTest {
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path folder;

    private Cairn cairn;

    /** A new, empty store for one test. */
    abstract String newStoreUrl(Path folder);

    @BeforeEach
    void openStore() {
        cairn = Cairn.open(CairnConfig.builder(newStoreUrl(folder)).clock(Clock.fixed(START, ZoneOffset.UTC))
                .actor("graphs-test").build());
    }

    @AfterEach
    void closeStore() {
        cairn.close();
    }

    /**
     * The plan of the exact-output tests:
     *
     * <pre>
     * GOAL-SHIP (in_progress)
     * ├─ R-EXPORT  Export "plans", &lt;all&gt; &amp; more
     * │  └─ TSK-PARSER (in_progress, 40)
     * └─ R-IMPORT
     *    ├─ AC-FAST
     *    ├─ AC-LOSSLESS
     *    │  └─ CMD-LOSSLESS (completed, verifies AC-LOSSLESS)
     *    └─ TSK-PARSER
     * </pre>
     */
    private void createPlan() {
        cairn.create(NodeDraft.of(Layer.GOAL, "Ship 1.0").id("GOAL-SHIP").status(Status.IN_PROGRESS).owner("ana"));
        cairn.create(NodeDraft.of(Layer.REQUIREMENTS, "Import ToDoWrite trees").id("R-IMPORT").parents("GOAL-SHIP")
                .labels("io", "import"));
        cairn.create(NodeDraft.of(Layer.REQUIREMENTS, "Export \"plans\", <all> & more").id("R-EXPORT")
                .parents("GOAL-SHIP").severity(Severity.HIGH));
        cairn.create(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "Round trip is lossless").id("AC-LOSSLESS")
                .parents("R-IMPORT"));
        cairn.create(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "Imports 10k nodes in a second").id("AC-FAST")
                .parents("R-IMPORT"));
        cairn.create(NodeDraft.of(Layer.TASK, "Write the parser").id("TSK-PARSER").parents("R-IMPORT", "R-EXPORT")
                .status(Status.IN_PROGRESS).progress(40));
        cairn.create(NodeDraft.of(Layer.COMMAND, "Prove the round trip").id("CMD-LOSSLESS").parents("AC-LOSSLESS")
                .status(Status.COMPLETED).command(CommandSpec.of("AC-LOSSLESS", "mvn verify")));
    }

    @Test
    void mermaidShowsEachNodeOnceWithStatusAndRolledUpProgress() {
        createPlan();

        String mermaid = GraphText.mermaid(cairn.forest());

        assertThat(mermaid).isEqualTo("""
                flowchart TD
                    classDef planned fill:#f5f5f5,stroke:#9e9e9e,color:#212121
                    classDef in_progress fill:#e3f2fd,stroke:#1e88e5,color:#0d47a1
                    classDef completed fill:#e8f5e9,stroke:#43a047,color:#1b5e20
                    classDef blocked fill:#ffebee,stroke:#e53935,color:#b71c1c
                    classDef cancelled fill:#eeeeee,stroke:#9e9e9e,color:#616161,stroke-dasharray:5 5
                    GOAL_SHIP["GOAL-SHIP<br/>Ship 1.0<br/>in_progress, 43%"]:::in_progress
                    R_EXPORT["R-EXPORT<br/>Export #quot;plans#quot;, #lt;all#gt; #amp; more<br/>planned, 40%"]:::planned
                    TSK_PARSER["TSK-PARSER<br/>Write the parser<br/>in_progress, 40%"]:::in_progress
                    R_IMPORT["R-IMPORT<br/>Import ToDoWrite trees<br/>planned, 47%"]:::planned
                    AC_FAST["AC-FAST<br/>Imports 10k nodes in a second<br/>planned, 0%"]:::planned
                    AC_LOSSLESS["AC-LOSSLESS<br/>Round trip is lossless<br/>planned, 100%"]:::planned
                    CMD_LOSSLESS["CMD-LOSSLESS<br/>Prove the round trip<br/>completed, 100%"]:::completed
                    GOAL_SHIP --> R_EXPORT
                    R_EXPORT --> TSK_PARSER
                    GOAL_SHIP --> R_IMPORT
                    R_IMPORT --> AC_FAST
                    R_IMPORT --> AC_LOSSLESS
                    AC_LOSSLESS --> CMD_LOSSLESS
                    R_IMPORT --> TSK_PARSER
                """);
    }

    @Test
    void dotOfASubtreeShowsItsNodesWithEscapedLabels() {
        createPlan();

        String dot = GraphText.dot(List.of(cairn.tree("R-EXPORT")));

        assertThat(dot).isEqualTo("""
                digraph plan {
                    rankdir=TB;
                    node [shape=box, style="rounded,filled", fontname="Helvetica"];
                    "R-EXPORT" [label="R-EXPORT\\nExport \\"plans\\", <all> & more\\nplanned, 40%", \
                fillcolor="#f5f5f5", color="#9e9e9e", fontcolor="#212121"];
                    "TSK-PARSER" [label="TSK-PARSER\\nWrite the parser\\nin_progress, 40%", \
                fillcolor="#e3f2fd", color="#1e88e5", fontcolor="#0d47a1"];
                    "R-EXPORT" -> "TSK-PARSER";
                }
                """);
    }
}
