package dev.cairn.maven;

import dev.cairn.migrations.ExecutedMigration;
import dev.cairn.migrations.MigrateResult;
import dev.cairn.migrations.Migrator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Applies every pending migration of the locations, or those up to {@code target}. */
@Mojo(name = "migrate", threadSafe = true)
public class MigrateMojo extends AbstractCairnMojo {
    /** Migrate the module no further than this version. */
    @Parameter(property = "cairn.target")
    String target;

    @Override
    void adjust(Migrator.Builder builder) throws MojoExecutionException {
        if (target != null && !target.isBlank()) {
            builder.target(module, version("target", target));
        }
    }

    @Override
    void run(Target database) {
        MigrateResult result = database.migrator().migrate();
        if (result.applied().isEmpty()) {
            getLog().info(database.name() + ": up to date");
        } else {
            getLog().info(database.name() + ": applied " + names(result.applied()) + " in "
                    + result.duration().toMillis() + " ms" + result.backupPath().map(path -> "; backup " + path)
                    .orElse(""));
        }
    }

    static String names(List<ExecutedMigration> migrations) {
        return migrations.stream().map(migration -> migration.module() + " " + (migration.version() == null
                ? "repeatable" : migration.version()) + " " + migration.description())
                .collect(Collectors.joining(", "));
    }
}
