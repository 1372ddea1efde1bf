package dev.cairn.store.postgres;

import dev.cairn.store.tck.CommandRunTablesContractTest;
import dev.cairn.test.postgres.PostgresServer;

/** The tables of schema version 2 that record command runs and leases, as the store leaves them. */
class PostgresCommandRunTablesTest extends CommandRunTablesContractTest {
    // Not created: the store creates its schema when Cairn first opens it.
    private final String schema = PostgresServer.unusedSchema("runs");

    @Override
    protected String cairnUrl() {
        return PostgresServer.cairnUrl(schema);
    }

    @Override
    protected String jdbcUrl() {
        return PostgresServer.jdbcUrl(schema);
    }
}
