package dev.cairn.maven;

import dev.cairn.migrations.schema.SchemaDiff;
import dev.cairn.migrations.schema.SchemaSources;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks each database for drift: the applied migrations must match their files, and the live schema must be what
 * replaying those migrations into a scratch database builds; fails the build, printing the difference, if not.
 */
@Mojo(name = "check", threadSafe = true)
public class CheckMojo extends AbstractCairnMojo {
    @Override
    boolean writes() {
        return false;
    }

    @Override
    void run(Target database) {
        SchemaDiff drift = SchemaSources.drift(database.builder(), database.migrator());
        if (!drift.isEmpty()) {
            throw new IllegalStateException("drift from its applied migrations (- only in them, + only in the "
                    + "database):\n" + drift);
        }
        getLog().info(database.name() + ": no drift");
    }
}
