package dev.cairn.migrations;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A Java migration that signals it started and waits to be released, to hold the lock in tests. */
record BlockingMigration(String versionText, CountDownLatch started, CountDownLatch release) implements JavaMigration {

    @Override
    public MigrationVersion version() {
        return MigrationVersion.parse(versionText);
    }

    @Override
    public String description() {
        return "blocking";
    }

    @Override
    public String script() {
        return "BlockingMigration";
    }

    @Override
    public void migrate(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO notes (body) VALUES ('blocking')");
        }
        started.countDown();
        if (!release.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("never released");
        }
    }
}
