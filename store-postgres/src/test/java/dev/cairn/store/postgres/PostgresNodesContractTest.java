package dev.cairn.store.postgres;

import dev.cairn.store.tck.NodesContractTest;

/** The {@link NodesContractTest}, on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresNodesContractTest extends NodesContractTest {
    PostgresNodesContractTest() {
        super(new PostgresFixture());
    }
}
