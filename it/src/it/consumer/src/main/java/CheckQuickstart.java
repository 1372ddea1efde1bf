import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.Status;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the README's {@code Quickstart} on the store at {@code args[0]}, then opens that store again and checks
 * that the plan the README describes is there: a new goal "Ship 1.0" whose one task, "Write the parser", is
 * completed, owned by ana, assigned to ben, and labelled as the README labels it. Exits non-zero otherwise.
 */
public final class CheckQuickstart {
    private CheckQuickstart() {
    }

    public static void main(String[] args) {
        String url = args[0];
        Set<String> goalsBefore = goalIds(url);

        Quickstart.main(new String[] {url});

        try (Cairn cairn = Cairn.open(url)) {
            List<Node> newGoals = cairn.find(NodeQuery.layer(Layer.GOAL)).stream()
                    .filter(goal -> !goalsBefore.contains(goal.id()))
                    .collect(Collectors.toList());
            require(newGoals.size() == 1, "one new goal, found " + newGoals);
            Node goal = newGoals.get(0);
            require(goal.title().equals("Ship 1.0"), "the goal's title 'Ship 1.0', found '" + goal.title() + "'");

            List<Node> tasks = cairn.children(goal.id());
            require(tasks.size() == 1, "one task under " + goal.id() + ", found " + tasks);
            Node task = tasks.get(0);
            require(task.layer() == Layer.TASK && task.title().equals("Write the parser"),
                    "the task 'Write the parser', found " + task);
            require(task.status() == Status.COMPLETED, "the task completed, found " + task.status());
            require(task.startedAt() != null, "the task's startedAt stamped by in_progress");
            require("ana".equals(task.owner()), "owner ana, found " + task.owner());
            require("ben".equals(task.assignee()), "assignee ben, found " + task.assignee());
            require(task.labels().equals(Set.of("parser", "done-in-sprint-3")),
                    "labels [parser, done-in-sprint-3], found " + task.labels());
            require(cairn.rolledUpProgress(goal.id()) == 100.0,
                    "the goal's rolled-up progress 100, found " + cairn.rolledUpProgress(goal.id()));
        }
        System.out.println("The README's Quickstart ran on " + url + " and left the plan it describes.");
    }

    private static Set<String> goalIds(String url) {
        try (Cairn cairn = Cairn.open(url)) {
            return cairn.find(NodeQuery.layer(Layer.GOAL)).stream().map(Node::id).collect(Collectors.toSet());
        }
    }

    private static void require(boolean condition, String expected) {
        if (!condition) {
            throw new IllegalStateException("After the README's Quickstart, expected " + expected);
        }
    }
}
