package dev.cairn.migrations.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.migrations.Dialect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotJsonTest {

    private static SchemaSnapshot sample() {
        return SchemaSnapshot.builder(Dialect.POSTGRESQL, "app")
                .add(new Table("notes", List.of(
                        new Column("id", "bigint", false, null, null, "ALWAYS", null),
                        new Column("body", "text", true, "'line1\nline2 \"q\" \\ \t é ☃'::text", null, null, "C")),
                        new PrimaryKey("notes_pkey", List.of("id")),
                        List.of(new UniqueConstraint("notes_body_key", List.of("body"))),
                        List.of(new ForeignKey("notes_parent_fk", List.of("id"), "other.parents", List.of("id"),
                                "CASCADE", "NO ACTION")),
                        List.of(new CheckConstraint("b", "(length(body) > 0)"), new CheckConstraint("a", "(id > 0)")),
                        List.of("UNLOGGED")))
                .add(new Index("notes_lower_idx", "notes", List.of("lower(body) DESC"), true, "(id > 10)", "btree"))
                .add(new View("recent", "SELECT id FROM notes", true))
                .add(new Trigger("touch", "notes", "CREATE TRIGGER touch BEFORE UPDATE ON notes"))
                .add(new Sequence("ids", "bigint", 1, 1, 1, Long.MAX_VALUE, 1, true))
                .add(new Sequence("down", "integer", -1, -1, Long.MIN_VALUE, -1, 20, false))
                .add(new Routine("f(integer)", "FUNCTION", "integer", "sql", "00ff", List.of("STABLE", "STRICT")))
                .add(new EnumType("mood", List.of("sad", "ok")))
                .add(new Domain("positive", "integer", false, "1", null, List.of(new CheckConstraint("p", "(VALUE > 0)"))))
                .build();
    }

    @Test
    void everyKindOfObjectSurvivesARoundTrip() {
        SchemaSnapshot snapshot = sample();

        SchemaSnapshot read = SchemaSnapshot.fromJson(snapshot.toJson());

        assertThat(read).isEqualTo(snapshot);
        assertThat(read.toJson()).isEqualTo(snapshot.toJson());
    }

    @Test
    void constraintsAreSortedWhateverOrderTheyCameIn() {
        assertThat(sample().tables().get("notes").checks()).extracting(CheckConstraint::name).containsExactly("a", "b");
    }

    @Test
    void theJsonIsStableAndLeavesNullsOut() {
        String json = sample().toJson();

        assertThat(json).startsWith("{\n  \"format\": \"cairn-schema-snapshot/1\",\n  \"dialect\": \"POSTGRESQL\",\n")
                .contains("\"keys\": [\"lower(body) DESC\"]")
                .endsWith("}\n");
        assertThat(json.indexOf("\"notes\"")).isLessThan(json.indexOf("\"recent\""));
        assertThat(json).doesNotContain(": null");
    }

    @Test
    void aFileWrittenReadsBackEqual(@TempDir Path folder) {
        Path file = folder.resolve("schema.json");

        SchemaSnapshots.write(sample(), file);

        assertThat(SchemaSnapshots.read(file)).isEqualTo(sample());
    }

    @Test
    void aMissingFieldIsNamedWithItsPath() {
        String json = sample().toJson().replace("\"type\": \"text\",", "");

        assertThatThrownBy(() -> SchemaSnapshot.fromJson(json)).isInstanceOf(SnapshotFormatException.class)
                .hasMessage("Snapshot field 'tables.notes.columns[1].type' is missing.");
    }

    @Test
    void aFieldOfTheWrongKindIsNamed() {
        String json = sample().toJson().replace("\"unique\": true", "\"unique\": \"yes\"");

        assertThatThrownBy(() -> SchemaSnapshot.fromJson(json))
                .hasMessage("Snapshot field 'indexes.notes_lower_idx.unique' must be true or false.");
    }

    @Test
    void badJsonIsReportedWithItsLineAndColumn() {
        assertThatThrownBy(() -> SchemaSnapshot.fromJson("{\n  \"format\": \"cairn-schema-snapshot/1\"\n  \"x\": 1}"))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessage("Bad snapshot JSON at line 3, column 3: expected '}' but found '\"'.");
    }

    @Test
    void aKeyThatDisagreesWithItsObjectIsRefused() {
        String json = sample().toJson().replace("\"recent\": {", "\"older\": {");

        assertThatThrownBy(() -> SchemaSnapshot.fromJson(json))
                .hasMessage("Snapshot field 'views.older' holds an object keyed 'recent'; the key and the object must"
                        + " agree.");
    }

    @Test
    void anUnknownFormatIsRefused() {
        assertThatThrownBy(() -> SchemaSnapshot.fromJson("{\"format\": \"other/2\"}"))
                .hasMessage("Snapshot field 'format' is 'other/2'; expected 'cairn-schema-snapshot/1'.");
    }

    @Test
    void aFileThatIsNoSnapshotIsNamedInTheError(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("broken.json");
        java.nio.file.Files.writeString(file, "[1, 2");

        assertThatThrownBy(() -> SchemaSnapshots.read(file)).isInstanceOf(SnapshotFormatException.class)
                .hasMessageStartingWith(file + ": Bad snapshot JSON at line 1");
    }
}
