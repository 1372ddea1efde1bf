package dev.cairn.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Adopts a database made before migrations: the module's migrations up to {@code version} count as applied; or,
 * with {@code fromFlyway}, the history Flyway kept, each applied file checked with Flyway's checksum.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractCairnMojo {
    /** The version the database is at. */
    @Parameter(property = "cairn.baselineVersion")
    String version;

    /** Adopt Flyway's {@code flyway_schema_history} instead of giving a version. */
    @Parameter(property = "cairn.fromFlyway", defaultValue = "false")
    boolean fromFlyway;

    @Override
    void run(Target database) throws MojoExecutionException {
        if (fromFlyway == (version != null)) {
            throw new MojoExecutionException("Give <version> (-Dcairn.baselineVersion) or <fromFlyway>, one of them");
        }
        if (fromFlyway) {
            List<String> adopted = database.migrator().baselineFromFlyway(module);
            getLog().info(database.name() + ": adopted Flyway's history of " + adopted.size()
                    + " migration(s) into module " + module);
            return;
        }
        String at = version("version", version);
        database.migrator().baseline(module, at);
        getLog().info(database.name() + ": baselined " + module + " at " + at);
    }
}
