package dev.cairn.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

final class TestFiles {

    private TestFiles() {
    }

    static Path write(Path folder, String name, String content) {
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** A three-migration folder with undo files that every dialect runs. */
    static Path basicFolder(Path root) {
        Path folder = root.resolve("basic");
        write(folder, "V1__create_items.sql", """
                -- items; a comment with a semicolon; here
                CREATE TABLE items (id INTEGER PRIMARY KEY, title VARCHAR(100) NOT NULL);
                INSERT INTO items (id, title) VALUES (1, 'first; with semicolon');
                """);
        write(folder, "U1__create_items.sql", "DROP TABLE items;\n");
        write(folder, "V2__create_tags.sql", """
                CREATE TABLE tags (name VARCHAR(50) PRIMARY KEY);
                CREATE INDEX tags_name ON tags (name);
                """);
        write(folder, "U2__create_tags.sql", "DROP TABLE tags;\n");
        write(folder, "V2.1__add_owner.sql", "ALTER TABLE items ADD COLUMN owner VARCHAR(50);\n");
        write(folder, "U2.1__add_owner.sql", "ALTER TABLE items DROP COLUMN owner;\n");
        return folder;
    }
}
