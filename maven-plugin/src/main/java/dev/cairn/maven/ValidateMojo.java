package dev.cairn.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** Checks applied migrations against the files: changed, missing, failed or out of order; fails the build if not. */
@Mojo(name = "validate", threadSafe = true)
public class ValidateMojo extends AbstractCairnMojo {
    @Override
    boolean writes() {
        return false;
    }

    @Override
    void run(Target database) {
        database.migrator().validate();
        getLog().info(database.name() + ": valid");
    }
}
