package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway-style locations, {@code classpath:} folders on disk and inside jars included, read without an index. */
class MigrationSetsLocationsTest {
    @TempDir
    Path temp;

    @Test
    void classpathLocationReadsEveryFileOfTheFolderInsideAJarWithoutAnIndex() throws IOException {
        Path jar = jar("app.jar", Map.of(
                "db/migration/V1__create_items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY, title TEXT);",
                "db/migration/sub/V2__add_item.sql", "INSERT INTO items (id, title) VALUES (1, '${title}');",
                "db/migration/U2__add_item.sql", "DELETE FROM items WHERE id = 1;",
                "db/migration/R__item_view.sql", "CREATE VIEW IF NOT EXISTS item_titles AS SELECT title FROM items;",
                "db/migration/beforeMigrate.sql", "SELECT 1;",
                "db/migration/README.md", "not a migration",
                "db/migration/.hidden/V9__skipped.sql", "broken",
                "db/other/V7__elsewhere.sql", "broken"));

        try (URLClassLoader loader = loader(jar)) {
            MigrationSet set = MigrationSets.locations(loader, List.of("classpath:db/migration"), "app",
                    Dialect.SQLITE);

            assertThat(set.migrations()).extracting(Migration::script)
                    .containsExactlyInAnyOrder("V1__create_items.sql", "V2__add_item.sql");
            assertThat(set.migrations()).filteredOn(migration -> migration.version().toString().equals("2"))
                    .singleElement().extracting(migration -> ((SqlMigration) migration).undoSql())
                    .isEqualTo("DELETE FROM items WHERE id = 1;");
            assertThat(set.repeatables()).extracting(RepeatableMigration::script).containsExactly("R__item_view.sql");
            assertThat(set.callbacks()).extracting(SqlCallback::script).containsExactly("beforeMigrate.sql");
        }
    }

    @Test
    void classpathLocationOnDiskAndInAJarAreOneSetThatMigrates() throws IOException, SQLException {
        Path classes = temp.resolve("classes");
        TestFiles.write(classes.resolve("db/migration"), "V1__create_items.sql",
                "CREATE TABLE items (id INTEGER PRIMARY KEY, title TEXT);");
        Path jar = jar("lib.jar", Map.of("db/migration/V2__add_item.sql",
                "INSERT INTO items (id, title) VALUES (1, '${title}');"));
        String url = "jdbc:sqlite:" + temp.resolve("app.db");

        try (URLClassLoader loader = loader(classes, jar)) {
            MigrationSet set = MigrationSets.locations(loader, List.of("classpath:/db/migration/"), "app",
                    Dialect.SQLITE);
            MigrateResult result = Migrator.builder().jdbcUrl(url).sets(set).placeholder("title", "first")
                    .build().migrate();

            assertThat(result.applied()).extracting(ExecutedMigration::script)
                    .containsExactly("V1__create_items.sql", "V2__add_item.sql");
        }
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rows = connection.createStatement().executeQuery("SELECT title FROM items")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("first");
        }
    }

    @Test
    void filesystemAndPlainPathLocationsReadFoldersOnDisk() {
        TestFiles.write(temp.resolve("a"), "V1__one.sql", "SELECT 1;");
        TestFiles.write(temp.resolve("b"), "V2__two.sql", "SELECT 2;");

        MigrationSet set = MigrationSets.locations(getClass().getClassLoader(),
                List.of("filesystem:" + temp.resolve("a"), temp.resolve("b").toString()), "app", Dialect.SQLITE);

        assertThat(set.migrations()).extracting(Migration::script).containsExactly("V1__one.sql", "V2__two.sql");
    }

    @Test
    void missingClasspathLocationIsAnErrorNamingIt() {
        assertThatThrownBy(() -> MigrationSets.locations(getClass().getClassLoader(),
                List.of("classpath:db/nowhere"), "app", Dialect.SQLITE))
                .isInstanceOf(MigrationConfigurationException.class)
                .hasMessageContaining("classpath:db/nowhere").hasMessageContaining("not found on the classpath");
    }

    @Test
    void badFileNameInsideAJarIsAnErrorNamingTheFileAndTheJar() throws IOException {
        Path jar = jar("bad.jar", Map.of("db/migration/V1_oops.sql", "SELECT 1;"));

        try (URLClassLoader loader = loader(jar)) {
            assertThatThrownBy(() -> MigrationSets.locations(loader, List.of("classpath:db/migration"), "app",
                    Dialect.SQLITE))
                    .isInstanceOf(MigrationConfigurationException.class)
                    .hasMessageContaining("'V1_oops.sql'").hasMessageContaining("bad.jar");
        }
    }

    /** A jar as the jar tool and Maven write it: with an entry for each folder, which class loaders need. */
    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = temp.resolve(name);
        Set<String> folders = new TreeSet<>();
        for (String entry : entries.keySet()) {
            for (int slash = entry.indexOf('/'); slash >= 0; slash = entry.indexOf('/', slash + 1)) {
                folders.add(entry.substring(0, slash + 1));
            }
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String folder : folders) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static URLClassLoader loader(Path... roots) throws IOException {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            urls[i] = roots[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }
}
