package dev.cairn.store.sqlite;

import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.io.ExportReport;
import dev.cairn.core.io.ImportReport;
import dev.cairn.core.io.PlanExport;
import dev.cairn.core.io.PlanImport;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a plan of N nodes into a SQLite file, exports it to one file, imports that into a second SQLite
 * file and checks the counts: run in a JVM with a small heap, it shows that the one-file formats stream.
 * Prints one line {@code ok nodes=… links=… events=… bytes=… heapMax=…} and exits 0, or fails.
 *
 * <pre>java -Xmx256m -cp … dev.cairn.store.sqlite.LargePlanRoundTrip 1000000 /tmp/folder yaml</pre>
 */
public final class LargePlanRoundTrip {
    private LargePlanRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = Integer.parseInt(args[0]);
        Path folder = Path.of(args[1]);
        String extension = args.length > 2 ? args[2] : "yaml";
        Files.createDirectories(folder);
        Path file = folder.resolve("plan." + extension);
        long links;
        ExportReport exported;
        try (Cairn source = Cairn.open("sqlite:" + folder.resolve("source.db"))) {
            source.batch(batch -> {
                String goal = batch.add(NodeDraft.of(Layer.GOAL, "The goal").id("GOAL-ROOT"));
                for (int i = 1; i < nodes; i++) {
                    batch.add(NodeDraft.of(Layer.TASK, "Task number " + i).id("TSK-" + i)
                            .description("A task that a plan of " + nodes + " nodes holds").owner("ana")
                            .labels("bulk").parents(goal));
                }
            });
            links = source.links().size();
            exported = PlanExport.from(source).toFile(file);
        }
        ImportReport imported;
        long count;
        try (Cairn target = Cairn.open("sqlite:" + folder.resolve("target.db"))) {
            imported = PlanImport.into(target).fromFile(file);
            count = target.count(NodeQuery.all());
        }
        if (exported.nodes() != nodes || imported.created() != nodes || count != nodes
                || imported.linksAdded() != links || imported.events() != exported.events()) {
            throw new AssertionError("Counts differ: exported " + exported + ", imported " + imported + ", stored "
                    + count);
        }
        System.out.println("ok nodes=" + nodes + " links=" + links + " events=" + exported.events() + " bytes="
                + Files.size(file) + " heapMax=" + Runtime.getRuntime().maxMemory());
    }
}
