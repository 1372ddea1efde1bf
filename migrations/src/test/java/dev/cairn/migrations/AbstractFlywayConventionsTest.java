package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway's folder conventions, with Flyway's names, on every dialect; subclasses supply a fresh database. */
abstract class AbstractFlywayConventionsTest {
    @TempDir
    Path temp;

    String url;

    abstract Dialect dialect();

    /** A JDBC URL of a new, empty database (or schema) for one test. */
    abstract String freshDatabaseUrl(Path temp);

    /** The user tables of the database, without the engines' history tables. */
    abstract String tablesQuery();

    @BeforeEach
    void freshDatabase() {
        url = freshDatabaseUrl(temp);
    }

    Migrator.Builder builder(Path... locations) {
        return Migrator.builder().jdbcUrl(url).backupPolicy(BackupPolicy.off())
                .sets(MigrationSets.directories(List.of(locations), "app", dialect()));
    }

    List<String> query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return Snapshots.rows(connection, sql);
        }
    }

    /** Every user table with its columns and rows, sorted: what two runs must agree on. */
    List<String> schemaAndRows(String databaseUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl)) {
            List<String> lines = new ArrayList<>();
            for (String name : Snapshots.rows(connection, tablesQuery())) {
                String table = name.toLowerCase(java.util.Locale.ROOT);
                try (var statement = connection.createStatement();
                     var rows = statement.executeQuery("SELECT * FROM " + table)) {
                    var meta = rows.getMetaData();
                    StringBuilder columns = new StringBuilder(table + " columns:");
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        columns.append(' ').append(meta.getColumnName(column).toLowerCase(java.util.Locale.ROOT))
                                .append(':').append(meta.getColumnTypeName(column));
                    }
                    lines.add(columns.toString());
                    while (rows.next()) {
                        StringBuilder row = new StringBuilder(table + ":");
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            row.append(' ').append(rows.getString(column));
                        }
                        lines.add(row.toString());
                    }
                }
            }
            Collections.sort(lines);
            return lines;
        }
    }

    @Test
    void severalLocationsFormOneOrderedSetSubfoldersAreReadAndOtherFilesIgnored() throws SQLException {
        Path main = temp.resolve("main");
        Path data = temp.resolve("data");
        TestFiles.write(main, "V1__items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(50));\n");
        TestFiles.write(main.resolve("2026/q1"), "V3__more.sql", "ALTER TABLE items ADD COLUMN more VARCHAR(20);\n");
        TestFiles.write(main, "README.md", "The main location.\n");
        TestFiles.write(main, ".gitkeep", "");
        TestFiles.write(data, "V2__seed.sql", "INSERT INTO items (id, name) VALUES (1, 'one');\n");

        MigrateResult result = builder(main, data).build().migrate();

        assertThat(result.applied()).extracting(ExecutedMigration::script)
                .containsExactly("V1__items.sql", "V2__seed.sql", "V3__more.sql");
        assertThat(query("SELECT name, more FROM items")).containsExactly("one|null");
    }

    @Test
    void sqlFileWhoseNameDoesNotParseIsAnErrorEvenInASubfolder() {
        Path main = temp.resolve("main");
        TestFiles.write(main, "V1__items.sql", "CREATE TABLE items (id INTEGER);\n");
        TestFiles.write(main.resolve("old"), "V2-broken.sql", "SELECT 1;\n");

        assertThatThrownBy(() -> builder(main)).isInstanceOf(MigrationConfigurationException.class)
                .hasMessageContaining("'V2-broken.sql'");
    }

    @Test
    void oneVersionInTwoLocationsIsAnErrorNamingBothFiles() {
        Path main = temp.resolve("main");
        Path data = temp.resolve("data");
        TestFiles.write(main, "V1__items.sql", "CREATE TABLE items (id INTEGER);\n");
        TestFiles.write(data, "V1__seed.sql", "SELECT 1;\n");

        assertThatThrownBy(() -> builder(main, data).build().validate())
                .isInstanceOf(MigrationValidationException.class)
                .hasMessageContaining("V1__items.sql").hasMessageContaining("V1__seed.sql");
    }

    @Test
    void pendingVersionBelowTheNewestAppliedFailsSayingHowToAllowItAndOutOfOrderAppliesIt() {
        Path main = temp.resolve("main");
        TestFiles.write(main, "V1__items.sql", "CREATE TABLE items (id INTEGER);\n");
        TestFiles.write(main, "V3__tags.sql", "CREATE TABLE tags (id INTEGER);\n");
        builder(main).build().migrate();
        TestFiles.write(main, "V2__late.sql", "CREATE TABLE late (id INTEGER);\n");

        assertThatThrownBy(() -> builder(main).build().migrate()).isInstanceOf(MigrationValidationException.class)
                .hasMessageContaining("V2__late.sql").hasMessageContaining("outOfOrder")
                .hasMessageContaining("--out-of-order");
        MigrateResult result = builder(main).outOfOrder(true).build().migrate();

        assertThat(result.applied()).extracting(ExecutedMigration::script).containsExactly("V2__late.sql");
        assertThat(builder(main).build().info()).extracting(MigrationInfo::script, MigrationInfo::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("V1__items.sql", MigrationState.APPLIED),
                        org.assertj.core.groups.Tuple.tuple("V3__tags.sql", MigrationState.APPLIED),
                        org.assertj.core.groups.Tuple.tuple("V2__late.sql", MigrationState.OUT_OF_ORDER));
        builder(main).build().validate();
    }

    @Test
    void repeatableRunsAfterTheVersionedOnesAndAgainOnlyWhenItChanges() throws SQLException {
        Path main = temp.resolve("main");
        TestFiles.write(main, "R__items_view.sql", "CREATE VIEW items_view AS SELECT id FROM items;\n");
        TestFiles.write(main, "V1__items.sql", "CREATE TABLE items (id INTEGER, name VARCHAR(20));\n"
                + "INSERT INTO items VALUES (1, 'a');\n");

        MigrateResult first = builder(main).build().migrate();
        MigrateResult second = builder(main).build().migrate();
        TestFiles.write(main, "R__items_view.sql", "DROP VIEW items_view;\n"
                + "CREATE VIEW items_view AS SELECT id, name FROM items;\n");
        StringWriter dryRun = new StringWriter();
        builder(main).build().dryRun(dryRun);
        List<MigrationInfo> infoBefore = builder(main).build().info();
        MigrateResult third = builder(main).build().migrate();

        assertThat(first.applied()).extracting(ExecutedMigration::script)
                .containsExactly("V1__items.sql", "R__items_view.sql");
        assertThat(second.applied()).isEmpty();
        assertThat(dryRun.toString()).contains("Repeatable migration R__items_view.sql")
                .contains("SELECT id, name FROM items");
        assertThat(infoBefore).filteredOn(info -> info.version() == null).singleElement()
                .extracting(MigrationInfo::state).isEqualTo(MigrationState.PENDING);
        assertThat(third.applied()).extracting(ExecutedMigration::script).containsExactly("R__items_view.sql");
        assertThat(query("SELECT id, name FROM items_view")).containsExactly("1|a");
        assertThat(builder(main).build().info()).filteredOn(info -> info.version() == null).singleElement()
                .extracting(MigrationInfo::state).isEqualTo(MigrationState.APPLIED);
        assertThat(query("SELECT count(*) FROM cairn_schema_history")).containsExactly("2");
    }

    @Test
    void callbackFilesAndJavaCallbacksRunAtFlywaysEvents() throws SQLException {
        Path main = temp.resolve("main");
        TestFiles.write(main, "beforeMigrate.sql", "CREATE TABLE IF NOT EXISTS callback_log (event VARCHAR(40));\n"
                + "INSERT INTO callback_log VALUES ('beforeMigrate');\n");
        TestFiles.write(main, "beforeEachMigrate.sql", "INSERT INTO callback_log VALUES ('beforeEachMigrate');\n");
        TestFiles.write(main, "afterEachMigrate.sql", "INSERT INTO callback_log VALUES ('afterEachMigrate');\n");
        TestFiles.write(main, "afterMigrate.sql", "INSERT INTO callback_log VALUES ('afterMigrate');\n");
        TestFiles.write(main, "V1__items.sql", "CREATE TABLE items (id INTEGER);\n");
        List<String> events = new ArrayList<>();

        builder(main).callbacks((event, connection, migration) -> events.add(event.fileName()
                + (migration == null ? "" : " " + migration.script()))).build().migrate();

        assertThat(query("SELECT event FROM callback_log")).containsExactly("beforeMigrate", "beforeEachMigrate",
                "afterEachMigrate", "afterMigrate");
        assertThat(events).containsExactly("beforeMigrate", "beforeEachMigrate V1__items.sql",
                "afterEachMigrate V1__items.sql", "afterMigrate");
    }

    @Test
    void errorCallbacksRunWhenAMigrationFails() {
        Path main = temp.resolve("main");
        TestFiles.write(main, "V1__broken.sql", "CREATE TABLE broken (;\n");
        List<String> events = new ArrayList<>();

        assertThatThrownBy(() -> builder(main).callbacks((event, connection, migration) -> events.add(
                event.fileName())).build().migrate()).isInstanceOf(MigrationFailedException.class);

        assertThat(events).containsExactly("beforeMigrate", "beforeEachMigrate", "afterEachMigrateError",
                "afterMigrateError");
    }

    @Test
    void validateFailsOnAPlaceholderThatCannotBeResolvedAsUpWould() {
        Path main = temp.resolve("main");
        TestFiles.write(main, "V1__items.sql", "CREATE TABLE ${prefix}_items (id INTEGER);\n");

        assertThatThrownBy(() -> builder(main).build().validate())
                .isInstanceOf(MigrationConfigurationException.class).hasMessageContaining("${prefix}")
                .hasMessageContaining("V1__items.sql");
        builder(main).placeholder("prefix", "my").build().validate();
    }

    @Test
    void flywayHistoryIsCheckedWithFlywaysChecksumAndAdoptedAndUpPointsToItFirst() throws SQLException {
        Path main = temp.resolve("main");
        TestFiles.write(main, "V1__items.sql", "CREATE TABLE items (id INTEGER);\r\n\r\n-- with CRLF\r\n");
        TestFiles.write(main, "V2__seed.sql", "\uFEFFINSERT INTO items VALUES (1);\n");
        TestFiles.write(main, "R__items_view.sql", "CREATE VIEW items_view AS SELECT id FROM items;\n");
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + main).load().migrate();
        TestFiles.write(main, "V3__more.sql", "ALTER TABLE items ADD COLUMN more VARCHAR(10);\n");

        MigrationConfigurationException refused = catchThrowableOfType(MigrationConfigurationException.class,
                () -> builder(main).build().migrate());
        List<String> adopted = builder(main).build().baselineFromFlyway("app");
        MigrateResult result = builder(main).build().migrate();

        assertThat(refused).hasMessageContaining("managed by Flyway").hasMessageContaining("up to version 2")
                .hasMessageContaining("baseline --from-flyway");
        assertThat(adopted).containsExactly("app 1 V1__items.sql", "app 2 V2__seed.sql",
                "app repeatable R__items_view.sql");
        assertThat(result.applied()).extracting(ExecutedMigration::script).containsExactly("V3__more.sql");
        assertThat(query("SELECT id, more FROM items")).containsExactly("1|null");
    }

    @Test
    void flywayHistoryOfAChangedFileIsNotAdoptedAndTheErrorNamesBothChecksums() throws SQLException {
        Path main = temp.resolve("main");
        TestFiles.write(main, "V1__items.sql", "CREATE TABLE items (id INTEGER);\n");
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + main).load().migrate();
        TestFiles.write(main, "V1__items.sql", "CREATE TABLE items (id INTEGER, name VARCHAR(10));\n");

        MigrationValidationException failure = catchThrowableOfType(MigrationValidationException.class,
                () -> builder(main).build().baselineFromFlyway("app"));

        assertThat(failure).hasMessageContaining("V1__items.sql").hasMessageContaining("Flyway checksum");
        assertThat(builder(main).build().info()).extracting(MigrationInfo::state)
                .containsOnly(MigrationState.PENDING);
    }

    @Test
    void cleanIsRefusedUnlessEnabledAndThenDropsEveryObjectSoMigrateStartsOver() throws SQLException {
        Path main = temp.resolve("main");
        TestFiles.write(main, "V1__items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY);\n"
                + "CREATE TABLE parts (id INTEGER, item_id INTEGER REFERENCES items (id));\n"
                + "CREATE INDEX parts_item ON parts (item_id);\n"
                + "CREATE VIEW item_parts AS SELECT i.id, p.id AS part FROM items i JOIN parts p ON p.item_id = i.id;\n"
                + "INSERT INTO items VALUES (1);\nINSERT INTO parts VALUES (1, 1);\n");
        builder(main).build().migrate();

        assertThatThrownBy(() -> builder(main).build().clean()).isInstanceOf(MigrationConfigurationException.class)
                .hasMessageContaining("cleanEnabled").hasMessageContaining("--allow-clean");
        assertThat(query("SELECT count(*) FROM parts")).containsExactly("1");
        List<String> dropped = builder(main).cleanEnabled(true).build().clean();

        assertThat(dropped).anyMatch(object -> object.toLowerCase(java.util.Locale.ROOT).equals("view item_parts"))
                .anyMatch(object -> object.toLowerCase(java.util.Locale.ROOT).equals("table cairn_schema_history"));
        assertThat(query(tablesQuery())).isEmpty();
        assertThat(builder(main).build().migrate().applied()).hasSize(1);
    }

    @Test
    void offlineDryRunWritesTheScriptFromAVersionToATargetWithoutADatabase() {
        Path main = temp.resolve("main");
        for (int version = 1; version <= 4; version++) {
            TestFiles.write(main, "V" + version + "__step" + version + ".sql",
                    "CREATE TABLE step" + version + " (id INTEGER);\n");
        }
        StringWriter between = new StringWriter();
        StringWriter fromEmpty = new StringWriter();
        Migrator.Builder offline = Migrator.builder().dialect(dialect())
                .sets(MigrationSets.directory(main, "app", dialect()));

        List<MigrationInfo> script = Migrator.offlineDryRun(offline.copy().target("app", "3"), "1", between);
        Migrator.offlineDryRun(offline, null, fromEmpty);

        assertThat(script).extracting(MigrationInfo::script).containsExactly("V2__step2.sql", "V3__step3.sql");
        assertThat(between.toString()).contains("no database was opened").contains("CREATE TABLE step2 (id INTEGER);")
                .contains("CREATE TABLE step3").doesNotContain("step1 (").doesNotContain("step4")
                .doesNotContain("CREATE TABLE IF NOT EXISTS cairn_schema_history")
                .contains("INSERT INTO cairn_schema_history").contains("'V3__step3.sql'");
        assertThat(fromEmpty.toString()).contains("CREATE TABLE IF NOT EXISTS cairn_schema_history")
                .contains("CREATE TABLE step1").contains("CREATE TABLE step4");
        assertThatThrownBy(() -> Migrator.offlineDryRun(offline.copy().target("app", "9"), null, new StringWriter()))
                .isInstanceOf(MigrationConfigurationException.class).hasMessageContaining("1, 2, 3, 4");
    }

    /**
     * A service's folders: a main location, a data location, and an optional one whose versions interleave with
     * the main one's, first migrated without it and later with it (outOfOrder): the same schema and rows as a
     * run that had all three from the start.
     */
    @Test
    void serviceFoldersWithAnOptionalLocationAddedLaterEndAsARunThatHadItFromTheStart() throws SQLException {
        Path main = temp.resolve("service/db/migration");
        Path data = temp.resolve("service/db/data");
        Path optional = temp.resolve("service/db/optional");
        TestFiles.write(main, "V1__customers.sql", "CREATE TABLE customers (id INTEGER PRIMARY KEY,"
                + " email VARCHAR(100) NOT NULL);\n");
        TestFiles.write(main, "V3__orders.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER"
                + " REFERENCES customers (id), total DECIMAL(10, 2));\n");
        TestFiles.write(main, "V5__orders_index.sql", "CREATE INDEX orders_customer ON orders (customer_id);\n");
        TestFiles.write(main, "README.md", "Schema of the service.\n");
        TestFiles.write(data, "V2__seed_customers.sql", "INSERT INTO customers VALUES (1, 'ana@example.org');\n"
                + "INSERT INTO customers VALUES (2, 'bo@example.org');\n");
        TestFiles.write(data.resolve("orders"), "V4__seed_orders.sql", "INSERT INTO orders VALUES (10, 1, 9.50);\n");
        TestFiles.write(optional, "V2.5__audit.sql", "CREATE TABLE audit (id INTEGER, what VARCHAR(100));\n");
        TestFiles.write(optional, "V4.5__order_note.sql", "ALTER TABLE orders ADD COLUMN note VARCHAR(100);\n"
                + "INSERT INTO audit VALUES (1, 'orders got notes');\n");
        TestFiles.write(optional, "R__order_totals.sql", "DROP VIEW IF EXISTS order_totals;\n"
                + "CREATE VIEW order_totals AS SELECT customer_id, SUM(total) AS total FROM orders"
                + " GROUP BY customer_id;\n");

        MigrateResult first = builder(main, data).build().migrate();
        MigrateResult later = builder(main, data, optional).outOfOrder(true).build().migrate();
        String laterUrl = url;
        url = freshDatabaseUrl(temp.resolve("from-start"));
        MigrateResult fromStart = builder(main, data, optional).build().migrate();

        assertThat(first.applied()).extracting(applied -> applied.version().toString())
                .containsExactly("1", "2", "3", "4", "5");
        assertThat(later.applied()).extracting(ExecutedMigration::script)
                .containsExactly("V2.5__audit.sql", "V4.5__order_note.sql", "R__order_totals.sql");
        assertThat(fromStart.applied()).hasSize(8);
        assertThat(schemaAndRows(laterUrl)).isEqualTo(schemaAndRows(url))
                .contains("audit: 1 orders got notes").anyMatch(line -> line.startsWith("orders: 10 1 9.5"));
    }
}
