package dev.cairn.store.postgres;

import dev.cairn.store.tck.LinksContractTest;

/** The {@link LinksContractTest}, on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresLinksContractTest extends LinksContractTest {
    PostgresLinksContractTest() {
        super(new PostgresFixture());
    }
}
