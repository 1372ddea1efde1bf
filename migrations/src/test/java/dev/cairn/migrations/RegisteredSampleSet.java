package dev.cairn.migrations;

import java.util.List;

/** A set registered in the test's META-INF/services, as a library would ship one. */
public final class RegisteredSampleSet implements MigrationSet {

    @Override
    public String module() {
        return "registered-sample";
    }

    @Override
    public Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    public List<Migration> migrations() {
        return MigrationSets.classpath(RegisteredSampleSet.class.getClassLoader(), "db/classpath", module(),
                dialect()).migrations();
    }
}
