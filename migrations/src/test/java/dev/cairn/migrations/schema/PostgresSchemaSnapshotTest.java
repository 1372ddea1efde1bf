package dev.cairn.migrations.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationSets;
import dev.cairn.migrations.Migrator;
import dev.cairn.test.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresSchemaSnapshotTest extends AbstractSchemaSnapshotTest {

    @Override
    String freshUrl() {
        return PostgresServer.jdbcUrl(PostgresServer.freshSchema("snapshot"));
    }

    @Override
    Migrator.Builder scratchServer() {
        return Migrator.builder().jdbcUrl(freshUrl());
    }

    @Override
    boolean scratchExists(String scratch) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl());
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COUNT(*) FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            statement.setString(1, scratch);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        }
    }

    @Override
    String schema(String url) {
        return null;
    }

    @Override
    MigrationSet set() {
        return MigrationSets.classpath(getClass().getClassLoader(), "db/schema-postgres", "shop",
                Dialect.POSTGRESQL);
    }

    @Override
    List<Change> changes() {
        return List.of(
                new Change("a column added", "ALTER TABLE customers ADD COLUMN phone text", "tables.customers"),
                new Change("a default changed", "ALTER TABLE settings ALTER COLUMN value SET DEFAULT 'x'",
                        "tables.settings"),
                new Change("a column made nullable", "ALTER TABLE addresses ALTER COLUMN line1 DROP NOT NULL",
                        "tables.addresses"),
                new Change("a column's type changed", "ALTER TABLE audit_log ALTER COLUMN change TYPE varchar(500)",
                        "tables.audit_log"),
                new Change("an index dropped", "DROP INDEX orders_open_idx", "indexes.orders_open_idx"),
                new Change("an index's predicate changed", "DROP INDEX orders_open_idx;\n"
                        + "CREATE INDEX orders_open_idx ON orders (placed_at DESC NULLS LAST) WHERE status = 'new'",
                        "indexes.orders_open_idx"),
                new Change("a check altered", "ALTER TABLE settings DROP CONSTRAINT settings_version_check;\n"
                        + "ALTER TABLE settings ADD CONSTRAINT settings_version_check CHECK (version >= 1)",
                        "tables.settings"),
                new Change("a foreign key action changed", "ALTER TABLE addresses DROP CONSTRAINT addresses_customer_fk;\n"
                        + "ALTER TABLE addresses ADD CONSTRAINT addresses_customer_fk FOREIGN KEY (customer_id)"
                        + " REFERENCES customers (id) ON DELETE RESTRICT", "tables.addresses"),
                new Change("a function body changed", "CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger"
                        + " LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := clock_timestamp(); RETURN NEW; END; $$",
                        "routines.touch_updated_at()"),
                new Change("a function made SECURITY DEFINER",
                        "ALTER FUNCTION open_order_count(bigint) SECURITY DEFINER",
                        "routines.open_order_count(customer bigint)"),
                new Change("a trigger changed", "DROP TRIGGER settings_touch ON settings;\n"
                        + "CREATE TRIGGER settings_touch BEFORE UPDATE OF value ON settings FOR EACH ROW"
                        + " EXECUTE FUNCTION touch_updated_at()", "triggers.settings.settings_touch"),
                new Change("a view changed", "CREATE OR REPLACE VIEW active_products AS"
                        + " SELECT id, sku, title, price_cents FROM products WHERE active AND price_cents > 0",
                        "views.active_products"),
                new Change("an enum value added", "ALTER TYPE order_status ADD VALUE 'returned'", "enums.order_status"),
                new Change("a domain check altered", "ALTER DOMAIN positive_cents DROP CONSTRAINT positive_cents_check;\n"
                        + "ALTER DOMAIN positive_cents ADD CONSTRAINT positive_cents_check CHECK (VALUE > 0)",
                        "domains.positive_cents"),
                new Change("a sequence's increment changed", "ALTER SEQUENCE invoice_number_seq INCREMENT 1",
                        "sequences.invoice_number_seq"),
                new Change("a unique constraint dropped",
                        "ALTER TABLE payments DROP CONSTRAINT payments_provider_reference_key", "tables.payments"));
    }

    @Test
    void readsConstraintsIndexesAndRoutinesFromTheCatalog() throws SQLException {
        SchemaSnapshot snapshot = snapshot(migrated());

        Table customers = snapshot.tables().get("customers");
        assertThat(customers.column("id").identity()).isEqualTo("ALWAYS");
        assertThat(customers.column("email").type()).isEqualTo("email_address");
        assertThat(snapshot.tables().get("products").column("title").collation()).isEqualTo("C");
        assertThat(snapshot.tables().get("order_lines").column("line_total_cents").generated())
                .isEqualTo("quantity * unit_price_cents");
        assertThat(snapshot.tables().get("order_lines").foreignKeys()).containsExactly(
                new ForeignKey("order_lines_order_fk", List.of("order_id"), "orders", List.of("id"), "CASCADE",
                        "NO ACTION"),
                new ForeignKey("order_lines_product_fk", List.of("product_id"), "products", List.of("id"), "RESTRICT",
                        "CASCADE"));
        assertThat(snapshot.tables().get("invoices").column("number").defaultValue())
                .isEqualTo("nextval('invoice_number_seq'::regclass)");
        assertThat(snapshot.indexes().get("orders_open_idx")).isEqualTo(new Index("orders_open_idx", "orders",
                List.of("placed_at DESC NULLS LAST"), false,
                "status = ANY (ARRAY['new'::order_status, 'paid'::order_status])", "btree"));
        assertThat(snapshot.indexes().get("products_tags_idx").method()).isEqualTo("gin");
        assertThat(snapshot.indexes()).doesNotContainKeys("customers_pkey", "customers_email_unique");
        assertThat(snapshot.views().get("product_sales").materialized()).isTrue();
        assertThat(snapshot.tables().get("page_views").options()).containsExactly("PARTITION BY RANGE (viewed_on)");
        assertThat(snapshot.tables().get("page_views_2026").options())
                .containsExactly("PARTITION OF page_views FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
        assertThat(snapshot.tables().get("import_scratch").options()).containsExactly("UNLOGGED");
        assertThat(snapshot.tables().get("orders").options()).isEmpty();
        assertThat(snapshot.enums().get("order_status").labels()).containsExactly("new", "paid", "cancelled", "shipped");
        assertThat(snapshot.domains().get("positive_cents").nullable()).isFalse();
        assertThat(snapshot.sequences()).containsOnlyKeys("audit_log_id_seq", "invoice_number_seq", "products_id_seq");
        assertThat(snapshot.sequences().get("invoice_number_seq"))
                .isEqualTo(new Sequence("invoice_number_seq", "integer", 1000, 10, 1000, Integer.MAX_VALUE, 5, false));
        assertThat(snapshot.routines()).containsOnlyKeys("archive_shipped(IN before timestamp with time zone)",
                "audit_status_change()", "forbid_truncate()", "open_order_count(customer bigint)", "touch_updated_at()");
        assertThat(snapshot.routines().get("archive_shipped(IN before timestamp with time zone)").kind())
                .isEqualTo("PROCEDURE");
        assertThat(snapshot.routines().get("open_order_count(customer bigint)").attributes())
                .containsExactly("STABLE", "PARALLEL UNSAFE");
    }

    @Test
    void aForeignKeyActionChangedByHandIsReportedAsThatProperty() throws SQLException {
        String url = migrated();
        SchemaSnapshot before = snapshot(url);
        execute(url, "ALTER TABLE addresses DROP CONSTRAINT addresses_customer_fk");
        execute(url, "ALTER TABLE addresses ADD CONSTRAINT addresses_customer_fk FOREIGN KEY (customer_id)"
                + " REFERENCES customers (id) ON DELETE RESTRICT");

        SchemaDiff diff = SchemaDiff.between(before, snapshot(url));

        assertThat(diff).hasToString("~ tables.addresses\n"
                + "    foreignKeys.addresses_customer_fk.onDelete: CASCADE -> RESTRICT\n");
    }

    @Test
    void theCallersSearchPathIsLeftAsItWas() throws SQLException {
        String url = migrated();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO public");

            SchemaSnapshot snapshot = SchemaSnapshots.of(connection, url.substring(url.lastIndexOf('=') + 1));

            assertThat(snapshot.tables()).containsKey("orders");
            try (ResultSet rows = statement.executeQuery("SHOW search_path")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("public");
            }
        }
    }
}
