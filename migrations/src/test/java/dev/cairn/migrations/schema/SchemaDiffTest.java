package dev.cairn.migrations.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.schema.SchemaDiff.Kind;
import dev.cairn.migrations.schema.SchemaDiff.ObjectChange;
import dev.cairn.migrations.schema.SchemaDiff.PropertyChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

    private static Table orders(String statusDefault, String onDelete, Column... extra) {
        List<Column> columns = new java.util.ArrayList<>(List.of(
                new Column("id", "bigint", false, null, null, null, null),
                new Column("status", "text", false, statusDefault, null, null, null)));
        columns.addAll(List.of(extra));
        return new Table("orders", columns, new PrimaryKey("orders_pkey", List.of("id")), List.of(),
                List.of(new ForeignKey("orders_customer_fk", List.of("id"), "customers", List.of("id"), onDelete,
                        "NO ACTION")), List.of());
    }

    private static SchemaSnapshot snapshot(String schema, Table table, Index... indexes) {
        SchemaSnapshot.Builder builder = SchemaSnapshot.builder(Dialect.POSTGRESQL, schema).add(table);
        for (Index index : indexes) {
            builder.add(index);
        }
        return builder.build();
    }

    private static final Index OPEN = new Index("orders_open_idx", "orders", List.of("status"), false, null, "btree");

    @Test
    void equalSchemasUnderOtherNamesHaveNoDifferences() {
        SchemaDiff diff = SchemaDiff.between(snapshot("live", orders("'new'", "CASCADE"), OPEN),
                snapshot("scratch", orders("'new'", "CASCADE"), OPEN));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff).hasToString("No differences.");
    }

    @Test
    void aChangedPropertyIsNamedWithBothValues() {
        SchemaDiff diff = SchemaDiff.between(snapshot("a", orders("'new'", "CASCADE")),
                snapshot("a", orders("'paid'", "RESTRICT")));

        assertThat(diff.changes()).containsExactly(new ObjectChange("tables", "orders", Kind.CHANGED, List.of(
                new PropertyChange("columns.status.default", "'new'", "'paid'"),
                new PropertyChange("foreignKeys.orders_customer_fk.onDelete", "CASCADE", "RESTRICT"))));
        assertThat(diff.toString()).isEqualTo("~ tables.orders\n"
                + "    columns.status.default: 'new' -> 'paid'\n"
                + "    foreignKeys.orders_customer_fk.onDelete: CASCADE -> RESTRICT\n");
    }

    @Test
    void anAddedColumnIsOneColumnNotAShiftOfEveryOther() {
        SchemaDiff diff = SchemaDiff.between(snapshot("a", orders("'new'", "CASCADE")),
                snapshot("a", orders("'new'", "CASCADE", new Column("note", "text", true, null, null, null, null))));

        assertThat(diff.changes()).hasSize(1);
        assertThat(diff.changes().get(0).properties()).containsExactly(
                new PropertyChange("columns", "[id, status]", "[id, status, note]"),
                new PropertyChange("columns.note.nullable", null, "true"),
                new PropertyChange("columns.note.type", null, "text"));
    }

    @Test
    void objectsAddedAndRemovedAreSaidSo() {
        Index other = new Index("orders_status_idx", "orders", List.of("status"), false, null, "btree");

        SchemaDiff diff = SchemaDiff.between(snapshot("a", orders("'new'", "CASCADE"), OPEN),
                snapshot("a", orders("'new'", "CASCADE"), other));

        assertThat(diff.changes()).containsExactly(
                new ObjectChange("indexes", "orders_open_idx", Kind.REMOVED, List.of()),
                new ObjectChange("indexes", "orders_status_idx", Kind.ADDED, List.of()));
    }

    @Test
    void snapshotsOfTwoDialectsAreNotCompared() {
        SchemaSnapshot sqlite = SchemaSnapshot.builder(Dialect.SQLITE, "main").build();

        assertThatThrownBy(() -> SchemaDiff.between(snapshot("a", orders("'new'", "CASCADE")), sqlite))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POSTGRESQL snapshot against a SQLITE one");
    }
}
