package dev.cairn.store.postgres;

import dev.cairn.store.tck.CopyContractTest;

/** Copies between two schemas of one PostgreSQL server keep the copy contract, new schemas for each test. */
class PostgresCopyTest extends CopyContractTest {
    PostgresCopyTest() {
        super(new PostgresFixture());
    }
}
