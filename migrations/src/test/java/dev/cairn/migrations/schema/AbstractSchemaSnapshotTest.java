package dev.cairn.migrations.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.migrations.BackupPolicy;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationException;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationSets;
import dev.cairn.migrations.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** What every dialect's snapshot must do, on a realistic migration set of its own. */
abstract class AbstractSchemaSnapshotTest {

    /** A hand-made change to a migrated database and the one object it must change in the snapshot. */
    record Change(String description, String sql, String changedObject) {
    }

    /** The JDBC URL of a new, empty database (or schema). */
    abstract String freshUrl();

    /** The schema a database at {@code url} is migrated into and snapshot from, or null for the current one. */
    abstract String schema(String url);

    abstract MigrationSet set();

    abstract List<Change> changes();

    String migrated() {
        String url = freshUrl();
        Migrator.builder().jdbcUrl(url).sets(set()).backupPolicy(BackupPolicy.off()).build().migrate();
        return url;
    }

    SchemaSnapshot snapshot(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return SchemaSnapshots.of(connection, schema(url));
        }
    }

    static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /** The objects two snapshots disagree on, as {@code kind.key}. */
    static Set<String> differences(SchemaSnapshot first, SchemaSnapshot second) {
        Set<String> differences = new TreeSet<>();
        compare("tables", first.tables(), second.tables(), differences);
        compare("indexes", first.indexes(), second.indexes(), differences);
        compare("views", first.views(), second.views(), differences);
        compare("triggers", first.triggers(), second.triggers(), differences);
        compare("sequences", first.sequences(), second.sequences(), differences);
        compare("routines", first.routines(), second.routines(), differences);
        compare("enums", first.enums(), second.enums(), differences);
        compare("domains", first.domains(), second.domains(), differences);
        return differences;
    }

    private static void compare(String kind, Map<String, ?> first, Map<String, ?> second, Set<String> out) {
        Stream.concat(first.keySet().stream(), second.keySet().stream()).distinct()
                .filter(key -> !Objects.equals(first.get(key), second.get(key)))
                .forEach(key -> out.add(kind + "." + key));
    }

    @Test
    void twoDatabasesMigratedAlikeGiveEqualSnapshots() throws SQLException {
        SchemaSnapshot first = snapshot(migrated());
        SchemaSnapshot second = snapshot(migrated());

        assertThat(differences(first, second)).isEmpty();
        assertThat(SchemaDiff.between(first, second).isEmpty()).isTrue();
        assertThat(first.sameSchemaAs(second)).isTrue();
        assertThat(first.tables()).hasSizeGreaterThanOrEqualTo(10).doesNotContainKey("cairn_schema_history");
        assertThat(first.indexes()).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy((name, index) -> assertThat(index.table()).isNotEqualTo("cairn_schema_history"));
        assertThat(first.views()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(first.triggers()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aHistoryTableOfAnotherNameIsLeftOutWhenNamed() throws SQLException {
        String url = freshUrl();
        Migrator.builder().jdbcUrl(url).sets(set()).backupPolicy(BackupPolicy.off()).historyTable("shop_history")
                .build().migrate();

        try (Connection connection = DriverManager.getConnection(url)) {
            SchemaSnapshot named = SchemaSnapshots.of(connection, schema(url), "shop_history");
            SchemaSnapshot unnamed = SchemaSnapshots.of(connection, schema(url));

            assertThat(differences(snapshot(migrated()), named)).isEmpty();
            assertThat(unnamed.tables().keySet()).anyMatch(name -> name.equalsIgnoreCase("shop_history"));
            assertThat(unnamed.indexes().values()).anyMatch(index -> index.table().equalsIgnoreCase("shop_history"));
        }
    }

    @Test
    void aSnapshotReadBackFromItsJsonEqualsIt() throws SQLException {
        SchemaSnapshot snapshot = snapshot(migrated());

        String json = snapshot.toJson();
        SchemaSnapshot read = SchemaSnapshot.fromJson(json);

        assertThat(read).isEqualTo(snapshot);
        assertThat(read.toJson()).isEqualTo(json);
    }

    @Test
    void aSchemaWithNothingInItGivesAnEmptySnapshot() throws SQLException {
        SchemaSnapshot snapshot = snapshot(freshUrl());

        assertThat(snapshot.tables()).isEmpty();
        assertThat(snapshot.indexes()).isEmpty();
        assertThat(snapshot.views()).isEmpty();
        assertThat(snapshot.triggers()).isEmpty();
        assertThat(snapshot.sequences()).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> eachHandMadeChangeChangesExactlyItsObject() throws SQLException {
        SchemaSnapshot reference = snapshot(migrated());
        return changes().stream().map(change -> DynamicTest.dynamicTest(change.description(), () -> {
            String url = migrated();
            for (String sql : change.sql().split(";\n")) {
                execute(url, sql);
            }

            SchemaSnapshot changed = snapshot(url);

            assertThat(differences(reference, changed)).containsExactly(change.changedObject());
            assertThat(SchemaDiff.between(reference, changed).changes())
                    .extracting(object -> object.kind() + "." + object.key())
                    .containsExactly(change.changedObject());
        }));
    }

    /** A builder connected where a replay makes its scratch database: nowhere, unless on a server. */
    abstract Migrator.Builder scratchServer();

    /** Whether the scratch database (file, memory database or schema) named {@code scratch} is still there. */
    abstract boolean scratchExists(String scratch) throws SQLException;

    @Test
    void aReplayIntoScratchGivesTheSnapshotOfALiveDatabaseMigratedAlike() throws SQLException {
        SchemaSnapshot live = snapshot(migrated());
        String scratch = "cairn_scratch_test" + System.nanoTime();

        SchemaSnapshot replayed = SchemaSources.replay(scratchServer().sets(set()), live.dialect(), scratch);

        assertThat(differences(live, replayed)).isEmpty();
        assertThat(replayed.sameSchemaAs(live)).isTrue();
        assertThat(replayed.tables()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(scratchExists(scratch)).isFalse();
    }

    @Test
    void aReplayThatFailsLeavesNoScratchBehind(@TempDir Path migrations) throws IOException, SQLException {
        Files.writeString(migrations.resolve("V1__plain.sql"), "CREATE TABLE plain (id INTEGER PRIMARY KEY);\n");
        Files.writeString(migrations.resolve("V2__broken.sql"), "CREATE TABLE broken (id INTEGER PRIMARY KEY;\n");
        Dialect dialect = snapshot(freshUrl()).dialect();
        String scratch = "cairn_scratch_failed" + System.nanoTime();
        Migrator.Builder configured = scratchServer().sets(MigrationSets.directory(migrations, "app", dialect));

        assertThatThrownBy(() -> SchemaSources.replay(configured, dialect, scratch))
                .isInstanceOf(MigrationException.class).hasMessageContaining("V2__broken.sql");
        assertThat(scratchExists(scratch)).isFalse();
    }
}
