package dev.cairn.store.postgres;

import dev.cairn.store.tck.LabelsContractTest;

/** The {@link LabelsContractTest}, on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresLabelsContractTest extends LabelsContractTest {
    PostgresLabelsContractTest() {
        super(new PostgresFixture());
    }
}
