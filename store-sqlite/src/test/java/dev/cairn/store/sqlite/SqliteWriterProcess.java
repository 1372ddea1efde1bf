package dev.cairn.store.sqlite;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodePatch;
import dev.cairn.core.Status;
import dev.cairn.core.VersionConflictException;

/**
 * A writer in a process of its own, for {@link SqliteMultiProcessTest}: creates {@code count} tasks below
 * {@code GOAL-shared}, each labelled, started and patched, and increments a counter on the shared goal
 * each time, so that every write contends with the other processes for one file. Exits 0 when every write succeeded.
 */
public final class SqliteWriterProcess {
    private SqliteWriterProcess() {
    }

    public static void main(String[] args) {
        String url = args[0];
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        run(url, prefix, count);
        System.out.println("done " + prefix);
    }

    static void run(String url, String prefix, int count) {
        try (Cairn cairn = Cairn.open(CairnConfig.builder(url).actor(prefix).build())) {
            for (int i = 0; i < count; i++) {
                Node task = cairn.create(NodeDraft.of(Layer.TASK, "Task " + prefix + " " + i)
                        .id("TSK-" + prefix + "-" + i).parents("GOAL-shared").labels(prefix));
                cairn.setStatus(task.id(), Status.IN_PROGRESS);
                cairn.update(task.id(), NodePatch.create().customField("writer", prefix).progress(i % 100));
                incrementCounter(cairn);
            }
        }
    }

    /** Read, add one, write back expecting the version read; retried when another writer got there first. */
    private static void incrementCounter(Cairn cairn) {
        while (true) {
            try {
                cairn.useTransaction(graph -> {
                    Node goal = graph.get("GOAL-shared");
                    int count = ((Number) goal.customFields().getOrDefault("count", 0)).intValue();
                    graph.update(goal.id(), NodePatch.create().customField("count", count + 1)
                            .expectVersion(goal.version()));
                });
                return;
            } catch (VersionConflictException conflict) {
                Thread.onSpinWait();
            }
        }
    }
}
