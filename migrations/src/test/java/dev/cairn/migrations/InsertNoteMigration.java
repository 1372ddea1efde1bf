package dev.cairn.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;

/** A Java migration inserting one note. */
record InsertNoteMigration(String versionText, String body) implements JavaMigration {

    @Override
    public MigrationVersion version() {
        return MigrationVersion.parse(versionText);
    }

    @Override
    public String description() {
        return "insert note";
    }

    @Override
    public void migrate(Connection connection) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notes (body) VALUES (?)")) {
            insert.setString(1, body);
            insert.executeUpdate();
        }
    }

    @Override
    public String checksum() {
        return "insert-note-" + body;
    }
}
