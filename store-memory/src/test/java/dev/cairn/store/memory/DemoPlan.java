package dev.cairn.store.memory;

import dev.cairn.core.Cairn;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.Status;
import dev.cairn.core.StatusCount;
import dev.cairn.core.io.TreeText;

/**
 * The README's run command: builds a small plan in the in-memory store and prints it as a tree with
 * rolled-up progress, then the counts by layer and status.
 */
public final class DemoPlan {
    private DemoPlan() {
    }

    public static void main(String[] args) {
        try (Cairn cairn = Cairn.open("memory:")) {
            Node goal = cairn.create(NodeDraft.of(Layer.GOAL, "Ship Cairn 1.0").id("GOAL-SHIP").owner("ana"));
            Node requirement = cairn.create(NodeDraft.of(Layer.REQUIREMENTS, "Plans import from ToDoWrite")
                    .id("R-IMPORT").parents(goal.id()));
            Node criteria = cairn.create(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "The 71 fixture files import")
                    .id("AC-FIXTURES").parents(requirement.id()));
            Node parser = cairn.create(NodeDraft.of(Layer.TASK, "Write the YAML parser").id("TSK-PARSER")
                    .owner("ana").labels("parser").parents(requirement.id()));
            Node writer = cairn.create(NodeDraft.of(Layer.TASK, "Write the YAML writer").id("TSK-WRITER")
                    .owner("ben").labels("writer").parents(requirement.id()));
            Node dropped = cairn.create(NodeDraft.of(Layer.TASK, "Support XML").id("TSK-XML")
                    .parents(requirement.id()));
            cairn.create(NodeDraft.of(Layer.COMMAND, "Import the fixtures").id("CMD-FIXTURES")
                    .parents(criteria.id())
                    .command(CommandSpec.of(criteria.id(), "cairn import --tree fixtures/")));

            cairn.useTransaction(tx -> {
                tx.setStatus(parser.id(), Status.IN_PROGRESS);
                tx.setStatus(parser.id(), Status.COMPLETED);
                tx.setStatus(writer.id(), Status.IN_PROGRESS);
                tx.setProgress(writer.id(), 40);
                tx.setStatus(dropped.id(), Status.CANCELLED);
            });

            System.out.print(TreeText.render(cairn.forest()));
            System.out.println();
            for (StatusCount count : cairn.countByLayerAndStatus()) {
                System.out.printf("%-20s %-12s %d%n", count.layer().displayName(), count.status().wireName(),
                        count.count());
            }
        }
    }
}
