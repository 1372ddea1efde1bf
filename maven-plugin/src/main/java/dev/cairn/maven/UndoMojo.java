package dev.cairn.maven;

import dev.cairn.migrations.UndoResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Undoes the last applied migrations ({@code steps}, 1 by default), or the module's above {@code to}. */
@Mojo(name = "undo", threadSafe = true)
public class UndoMojo extends AbstractCairnMojo {
    /** How many migrations to undo; 1 unless set. */
    @Parameter(property = "cairn.steps")
    Integer steps;

    /** Undo the module's migrations above this version instead. */
    @Parameter(property = "cairn.to")
    String to;

    @Override
    void run(Target database) throws MojoExecutionException {
        if (steps != null && to != null) {
            throw new MojoExecutionException("Give <steps> or <to>, not both");
        }
        if (steps != null && steps < 1) {
            throw new MojoExecutionException("<steps> must be 1 or more, not " + steps);
        }
        UndoResult result = to != null ? database.migrator().undoTo(module, version("to", to))
                : database.migrator().undo(steps == null ? 1 : steps);
        getLog().info(database.name() + ": " + (result.undone().isEmpty() ? "nothing to undo"
                : "undid " + MigrateMojo.names(result.undone())));
    }
}
