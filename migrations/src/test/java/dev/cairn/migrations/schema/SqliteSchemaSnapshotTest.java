package dev.cairn.migrations.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationSets;
import dev.cairn.migrations.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSchemaSnapshotTest extends AbstractSchemaSnapshotTest {
    private final AtomicInteger databases = new AtomicInteger();

    @TempDir
    Path folder;

    @Override
    String freshUrl() {
        return "jdbc:sqlite:" + folder.resolve("db" + databases.incrementAndGet() + ".db");
    }

    @Override
    Migrator.Builder scratchServer() {
        return Migrator.builder();
    }

    @Override
    boolean scratchExists(String scratch) {
        return Files.exists(SchemaSources.scratchFile(scratch))
                || Files.exists(Path.of(SchemaSources.scratchFile(scratch) + "-journal"));
    }

    @Override
    String schema(String url) {
        return null;
    }

    @Override
    MigrationSet set() {
        return MigrationSets.classpath(getClass().getClassLoader(), "db/schema-sqlite", "shop", Dialect.SQLITE);
    }

    @Override
    List<Change> changes() {
        return List.of(
                new Change("a column added", "ALTER TABLE customers ADD COLUMN phone TEXT", "tables.customers"),
                new Change("an index dropped", "DROP INDEX orders_open_idx", "indexes.orders_open_idx"),
                new Change("an index made partial", "DROP INDEX product_tags_tag_idx;\n"
                        + "CREATE INDEX product_tags_tag_idx ON product_tags (tag) WHERE tag <> ''",
                        "indexes.product_tags_tag_idx"),
                new Change("an index added", "CREATE INDEX shipments_carrier_idx ON shipments (carrier)",
                        "indexes.shipments_carrier_idx"),
                new Change("a default changed", rebuildSettings("'x'", "version > 0"), "tables.settings"),
                new Change("a check altered", rebuildSettings("''", "version >= 1"), "tables.settings"),
                new Change("a foreign key action changed", rebuildPayments("SET NULL"), "tables.payments"),
                new Change("a trigger body changed", "DROP TRIGGER orders_placed_at;\n"
                        + "CREATE TRIGGER orders_placed_at AFTER INSERT ON orders WHEN NEW.placed_at IS NULL BEGIN"
                        + " UPDATE orders SET placed_at = date('now') WHERE id = NEW.id; END",
                        "triggers.orders.orders_placed_at"),
                new Change("a view changed", "DROP VIEW customer_orders;\n"
                        + "CREATE VIEW customer_orders AS SELECT c.id AS customer_id, count(o.id) AS orders"
                        + " FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id",
                        "views.customer_orders"),
                new Change("a table rebuilt with rowids", "CREATE TABLE tags_new (name TEXT PRIMARY KEY COLLATE"
                        + " NOCASE, colour TEXT NOT NULL DEFAULT '#888888');\n"
                        + "INSERT INTO tags_new SELECT * FROM tags;\n"
                        + "DROP TABLE tags;\n"
                        + "ALTER TABLE tags_new RENAME TO tags", "tables.tags"),
                new Change("a table created by hand", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                        "tables.notes"));
    }

    private static String rebuildSettings(String valueDefault, String versionCheck) {
        return "CREATE TABLE settings_new (key TEXT PRIMARY KEY, value TEXT NOT NULL DEFAULT " + valueDefault
                + ", updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, version INTEGER NOT NULL DEFAULT 1 CHECK ("
                + versionCheck + "));\n"
                + "INSERT INTO settings_new SELECT * FROM settings;\n"
                + "DROP TABLE settings;\n"
                + "ALTER TABLE settings_new RENAME TO settings";
    }

    private static String rebuildPayments(String onDelete) {
        return "CREATE TABLE payments_new (id INTEGER PRIMARY KEY, order_id INTEGER DEFAULT 0 REFERENCES orders (id)"
                + " ON DELETE " + onDelete + " ON UPDATE RESTRICT, provider TEXT NOT NULL, reference TEXT NOT NULL,"
                + " amount_cents INTEGER NOT NULL, CONSTRAINT payments_amount_positive CHECK (amount_cents > 0),"
                + " UNIQUE (provider, reference));\n"
                + "INSERT INTO payments_new SELECT * FROM payments;\n"
                + "DROP TABLE payments;\n"
                + "ALTER TABLE payments_new RENAME TO payments";
    }

    @Test
    void readsWhatOnlyTheStatementTextHolds() throws SQLException {
        SchemaSnapshot snapshot = snapshot(migrated());

        Table customers = snapshot.tables().get("customers");
        assertThat(customers.column("email").collation()).isEqualTo("NOCASE");
        assertThat(customers.column("full_name")).isNotNull();
        assertThat(snapshot.tables().get("orders").checks()).containsExactly(new CheckConstraint(
                "orders_status_check", "status IN ('new', 'paid', 'shipped', 'cancelled')"));
        assertThat(snapshot.tables().get("order_lines").column("line_total_cents").generated())
                .isEqualTo("quantity * unit_price_cents VIRTUAL");
        assertThat(snapshot.tables().get("shipments").column("tracking_up").generated())
                .isEqualTo("upper(tracking) STORED");
        assertThat(snapshot.tables().get("order_lines").foreignKeys()).containsExactlyInAnyOrder(
                new ForeignKey(null, List.of("order_id"), "orders", List.of("id"), "CASCADE", "NO ACTION"),
                new ForeignKey(null, List.of("product_id"), "products", List.of("id"), "RESTRICT", "CASCADE"));
        assertThat(snapshot.tables().get("product_categories").foreignKeys())
                .extracting(ForeignKey::referencedColumns).containsOnly(List.of("id"));
        assertThat(snapshot.tables().get("payments").uniqueConstraints())
                .containsExactly(new UniqueConstraint(null, List.of("provider", "reference")));
        assertThat(snapshot.indexes().get("orders_open_idx")).isEqualTo(new Index("orders_open_idx", "orders",
                List.of("placed_at DESC"), false, "status IN ('new', 'paid')", null));
        assertThat(snapshot.indexes().get("customers_email_lower_idx").keys()).containsExactly("lower(email)");
        assertThat(snapshot.indexes().get("customers_email_lower_idx").unique()).isTrue();
        assertThat(snapshot.tables()).doesNotContainKey("sqlite_sequence");
        assertThat(snapshot.tables().get("tags").options()).containsExactly("WITHOUT ROWID");
        assertThat(snapshot.tables().get("settings").options()).isEmpty();
    }
}
