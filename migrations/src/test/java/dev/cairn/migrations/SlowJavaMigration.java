package dev.cairn.migrations;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Version 3: creates a table, prints a marker so a parent process knows the migration is under way, then
 * sleeps (with {@code pg_sleep} on PostgreSQL, so the server is mid-statement) when asked to.
 */
record SlowJavaMigration(long sleepMillis) implements JavaMigration {
    static final String MARKER = "IN-MIGRATION";

    @Override
    public MigrationVersion version() {
        return MigrationVersion.parse("3");
    }

    @Override
    public String description() {
        return "slow";
    }

    @Override
    public String script() {
        return "SlowJavaMigration";
    }

    @Override
    public void migrate(Connection connection) throws Exception {
        boolean postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE slow_things (id INTEGER)");
            statement.execute("INSERT INTO slow_things (id) VALUES (1)");
            if (sleepMillis > 0) {
                System.out.println(MARKER);
                System.out.flush();
            }
            if (sleepMillis > 0 && postgres) {
                statement.execute("SELECT pg_sleep(" + sleepMillis / 1000.0 + ")");
            } else if (sleepMillis > 0) {
                Thread.sleep(sleepMillis);
            }
        }
    }
}
