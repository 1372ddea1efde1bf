package dev.cairn.maven;

import dev.cairn.migrations.RepairResult;
import org.apache.maven.plugins.annotations.Mojo;

/** Removes failed rows from the history and accepts changed files' checksums. */
@Mojo(name = "repair", threadSafe = true)
public class RepairMojo extends AbstractCairnMojo {
    @Override
    void run(Target database) {
        RepairResult result = database.migrator().repair();
        if (result.removedFailedRows().isEmpty() && result.realignedChecksums().isEmpty()) {
            getLog().info(database.name() + ": nothing to repair");
        } else {
            getLog().info(database.name() + ": removed failed rows " + result.removedFailedRows()
                    + ", realigned checksums " + result.realignedChecksums());
        }
    }
}
