package dev.cairn.store.sqlite;

import dev.cairn.core.Cairn;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.PlanGraph;
import dev.cairn.core.Status;
import dev.cairn.core.StatusCount;
import dev.cairn.core.io.TreeText;

/**
 * The README's run command: builds a small plan in a SQLite file (the embedded default), or finds it
 * there from an earlier run, and prints it as a tree with rolled-up progress, then the counts by layer
 * and status. The first argument, if any, is another store URL.
 */
public final class DemoPlan {
    private DemoPlan() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "sqlite:target/cairn-demo.db";
        try (Cairn cairn = Cairn.open(url)) {
            if (cairn.findById("GOAL-SHIP").isEmpty()) {
                cairn.useTransaction(DemoPlan::build);
                System.out.println("Created the demo plan in " + url + "\n");
            } else {
                System.out.println("The demo plan, as stored in " + url + " by an earlier run\n");
            }
            System.out.print(TreeText.render(cairn.forest()));
            System.out.println();
            for (StatusCount count : cairn.countByLayerAndStatus()) {
                System.out.printf("%-20s %-12s %d%n", count.layer().displayName(), count.status().wireName(),
                        count.count());
            }
        }
    }

    /** Builds the plan, all of it or (on any failure) none of it. */
    private static void build(PlanGraph cairn) {
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

        cairn.setStatus(parser.id(), Status.IN_PROGRESS);
        cairn.setStatus(parser.id(), Status.COMPLETED);
        cairn.setStatus(writer.id(), Status.IN_PROGRESS);
        cairn.setProgress(writer.id(), 40);
        cairn.setStatus(dropped.id(), Status.CANCELLED);
    }
}
