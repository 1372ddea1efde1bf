package dev.cairn.store.postgres;

import dev.cairn.store.tck.ValidationContractTest;

/** The {@link ValidationContractTest}, on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresValidationContractTest extends ValidationContractTest {
    PostgresValidationContractTest() {
        super(new PostgresFixture());
    }
}
