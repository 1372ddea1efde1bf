package dev.cairn.migrations.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationSets;
import dev.cairn.migrations.Migrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class H2SchemaSnapshotTest extends AbstractSchemaSnapshotTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    String freshUrl() {
        return "jdbc:h2:mem:snapshot" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    Migrator.Builder scratchServer() {
        return Migrator.builder();
    }

    /** Connecting to a memory database that is gone makes an empty one: no table says the scratch went. */
    @Override
    boolean scratchExists(String scratch) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + scratch.toUpperCase(Locale.ROOT));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                     + " WHERE table_schema = 'PUBLIC'")) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    @Override
    String schema(String url) {
        return null;
    }

    @Override
    MigrationSet set() {
        return MigrationSets.classpath(getClass().getClassLoader(), "db/schema-h2", "shop", Dialect.H2);
    }

    @Override
    List<Change> changes() {
        return List.of(
                new Change("a column added", "ALTER TABLE customers ADD COLUMN phone VARCHAR(40)", "tables.CUSTOMERS"),
                new Change("a default changed", "ALTER TABLE settings ALTER COLUMN setting SET DEFAULT 'x'",
                        "tables.SETTINGS"),
                new Change("a column made nullable", "ALTER TABLE addresses ALTER COLUMN line1 SET NULL",
                        "tables.ADDRESSES"),
                new Change("a column's type changed", "ALTER TABLE audit_log ALTER COLUMN change VARCHAR(500)",
                        "tables.AUDIT_LOG"),
                new Change("an index dropped", "DROP INDEX orders_placed_idx", "indexes.ORDERS_PLACED_IDX"),
                new Change("an index's order changed", "DROP INDEX orders_placed_idx;\n"
                        + "CREATE INDEX orders_placed_idx ON orders (placed_at)", "indexes.ORDERS_PLACED_IDX"),
                new Change("a check altered", "ALTER TABLE settings DROP CONSTRAINT settings_version_check;\n"
                        + "ALTER TABLE settings ADD CONSTRAINT settings_version_check CHECK (version >= 1)",
                        "tables.SETTINGS"),
                new Change("a foreign key action changed", "ALTER TABLE addresses DROP CONSTRAINT addresses_customer_fk;\n"
                        + "ALTER TABLE addresses ADD CONSTRAINT addresses_customer_fk FOREIGN KEY (customer_id)"
                        + " REFERENCES customers (id) ON DELETE RESTRICT", "tables.ADDRESSES"),
                new Change("a trigger changed", "DROP TRIGGER settings_audit;\n"
                        + "CREATE TRIGGER settings_audit AFTER INSERT ON settings FOR EACH ROW CALL '"
                        + H2AuditTrigger.class.getName() + "'", "triggers.SETTINGS.SETTINGS_AUDIT"),
                new Change("a view changed", "CREATE OR REPLACE VIEW active_products AS"
                        + " SELECT id, sku, title FROM products WHERE active", "views.ACTIVE_PRODUCTS"),
                new Change("a domain check altered", "ALTER DOMAIN positive_cents DROP CONSTRAINT positive_cents_check;\n"
                        + "ALTER DOMAIN positive_cents ADD CONSTRAINT positive_cents_check CHECK (VALUE > 0)",
                        "domains.POSITIVE_CENTS"),
                new Change("a sequence's increment changed", "ALTER SEQUENCE invoice_number_seq INCREMENT BY 1",
                        "sequences.INVOICE_NUMBER_SEQ"),
                new Change("a unique constraint dropped",
                        "ALTER TABLE payments DROP CONSTRAINT payments_provider_reference_key", "tables.PAYMENTS"));
    }

    @Test
    void readsConstraintsAndColumnsFromTheInformationSchema() throws SQLException {
        SchemaSnapshot snapshot = snapshot(migrated());

        Table customers = snapshot.tables().get("CUSTOMERS");
        assertThat(customers.column("ID").identity()).isEqualTo("ALWAYS");
        assertThat(customers.column("EMAIL").type()).isEqualTo("EMAIL_ADDRESS");
        assertThat(customers.column("FULL_NAME").type()).isEqualTo("CHARACTER VARYING(200)");
        assertThat(snapshot.tables().get("ORDERS").column("STATUS").type()).isEqualTo("ENUM('new', 'paid', 'shipped')");
        assertThat(snapshot.tables().get("PRODUCTS").column("WEIGHT_KG").type()).isEqualTo("NUMERIC(8, 3)");
        // H2 reads an action left unwritten as RESTRICT, and says so.
        assertThat(snapshot.tables().get("ORDER_LINES").foreignKeys()).containsExactly(
                new ForeignKey("ORDER_LINES_ORDER_FK", List.of("ORDER_ID"), "ORDERS", List.of("ID"), "CASCADE",
                        "RESTRICT"),
                new ForeignKey("ORDER_LINES_PRODUCT_FK", List.of("PRODUCT_ID"), "PRODUCTS", List.of("ID"), "RESTRICT",
                        "CASCADE"));
        assertThat(snapshot.indexes().get("ORDERS_PLACED_IDX").keys()).containsExactly("PLACED_AT DESC NULLS LAST");
        assertThat(snapshot.indexes().get("CUSTOMERS_NAME_EMAIL_IDX").unique()).isTrue();
        assertThat(snapshot.tables()).doesNotContainKeys("CAIRN_SCHEMA_HISTORY", "CAIRN_SCHEMA_HISTORY_LOCK");
        assertThat(snapshot.sequences()).containsOnlyKeys("INVOICE_NUMBER_SEQ");
        assertThat(snapshot.domains()).containsOnlyKeys("EMAIL_ADDRESS", "POSITIVE_CENTS");
    }
}
