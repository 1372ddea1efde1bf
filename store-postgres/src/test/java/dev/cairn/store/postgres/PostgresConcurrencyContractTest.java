package dev.cairn.store.postgres;

import dev.cairn.store.tck.ConcurrencyContractTest;

/** The {@link ConcurrencyContractTest}, on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresConcurrencyContractTest extends ConcurrencyContractTest {
    PostgresConcurrencyContractTest() {
        super(new PostgresFixture());
    }
}
