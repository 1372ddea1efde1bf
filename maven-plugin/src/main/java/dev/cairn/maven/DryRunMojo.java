package dev.cairn.maven;

import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.Migrator;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Prints every statement {@code migrate} would run, history rows included, and changes nothing. */
@Mojo(name = "dry-run", threadSafe = true)
public class DryRunMojo extends AbstractCairnMojo {
    /** Go no further than this version. */
    @Parameter(property = "cairn.target")
    String target;

    /** Write the script to this file (relative to the project) instead of the build's log. */
    @Parameter(property = "cairn.dryRunOutput")
    File outputFile;

    private boolean written;

    @Override
    void adjust(Migrator.Builder builder) throws MojoExecutionException {
        if (target != null && !target.isBlank()) {
            builder.target(module, version("target", target));
        }
    }

    @Override
    boolean writes() {
        return false;
    }

    @Override
    void run(Target database) throws MojoExecutionException {
        StringWriter statements = new StringWriter();
        List<MigrationInfo> pending = database.migrator().dryRun(new PrintWriter(statements));
        String script = "-- " + database.name() + ": " + pending.size() + " pending migrations\n" + statements;
        if (outputFile == null) {
            script.lines().forEach(getLog()::info);
            return;
        }
        Path file = resolve(outputFile);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // Several targets: one script after the other, in one file.
            Files.writeString(file, script, StandardCharsets.UTF_8, written
                    ? new StandardOpenOption[] {StandardOpenOption.APPEND}
                    : new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE});
            written = true;
        } catch (IOException failure) {
            throw new MojoExecutionException("Cannot write " + file + ": " + failure.getMessage(), failure);
        }
        getLog().info(database.name() + ": " + pending.size() + " pending migrations; script in " + file);
    }
}
