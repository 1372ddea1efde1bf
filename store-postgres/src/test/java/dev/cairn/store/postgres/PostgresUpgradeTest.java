package dev.cairn.store.postgres;

import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.Migrator;
import dev.cairn.store.tck.UpgradeContractTest;
import dev.cairn.test.postgres.PostgresServer;

/** A PostgreSQL schema made by the first schema version, holding a plan, keeps all of it when migrated to the latest. */
class PostgresUpgradeTest extends UpgradeContractTest {
    private final String schema = PostgresServer.freshSchema("upgrade");

    @Override
    protected String cairnUrl() {
        return PostgresServer.cairnUrl(schema);
    }

    @Override
    protected String jdbcUrl() {
        return PostgresServer.jdbcUrl(schema);
    }

    @Override
    protected MigrationSet migrationSet() {
        return new PostgresMigrationSet();
    }

    @Override
    protected Migrator.Builder migrator() {
        return super.migrator().schema(schema);
    }

    @Override
    protected String booleanText(boolean value) {
        return value ? "true" : "false";
    }
}
