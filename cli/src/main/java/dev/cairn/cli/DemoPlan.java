package dev.cairn.cli;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.PlanGraph;
import dev.cairn.core.Status;
import java.util.List;

/**
 * The sample plan {@code cairn demo} builds: a goal, a requirement with its acceptance criteria and the
 * command that verifies them, and three tasks, one done, one under way, one dropped.
 */
final class DemoPlan {
    static final String GOAL = "GOAL-SHIP";

    /** Every id of the plan, leaves first: the order to delete them in. */
    static final List<String> IDS = List.of("CMD-FIXTURES", "TSK-XML", "TSK-WRITER", "TSK-PARSER", "AC-FIXTURES",
            "R-IMPORT", GOAL);

    private DemoPlan() {
    }

    /** Builds the plan in {@code graph}; in a transaction, all of it or none. */
    static void build(PlanGraph graph) {
        Node goal = graph.create(NodeDraft.of(Layer.GOAL, "Ship Cairn 1.0").id(GOAL).owner("ana"));
        Node requirement = graph.create(NodeDraft.of(Layer.REQUIREMENTS, "Plans import from ToDoWrite")
                .id("R-IMPORT").parents(goal.id()));
        Node criteria = graph.create(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "The 71 fixture files import")
                .id("AC-FIXTURES").parents(requirement.id()));
        Node parser = graph.create(NodeDraft.of(Layer.TASK, "Write the YAML parser").id("TSK-PARSER")
                .owner("ana").labels("parser").parents(requirement.id()));
        Node writer = graph.create(NodeDraft.of(Layer.TASK, "Write the YAML writer").id("TSK-WRITER")
                .owner("ben").labels("writer").parents(requirement.id()));
        Node dropped = graph.create(NodeDraft.of(Layer.TASK, "Support XML").id("TSK-XML")
                .parents(requirement.id()));
        graph.create(NodeDraft.of(Layer.COMMAND, "Import the fixtures").id("CMD-FIXTURES")
                .parents(criteria.id())
                .command(CommandSpec.of(criteria.id(), "cairn import --tree fixtures/")));

        graph.setStatus(parser.id(), Status.IN_PROGRESS);
        graph.setStatus(parser.id(), Status.COMPLETED);
        graph.setStatus(writer.id(), Status.IN_PROGRESS);
        graph.setProgress(writer.id(), 40);
        graph.setStatus(dropped.id(), Status.CANCELLED);
    }
}
