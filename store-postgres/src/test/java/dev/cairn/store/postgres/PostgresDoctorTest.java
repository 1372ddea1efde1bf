package dev.cairn.store.postgres;

import dev.cairn.store.tck.DoctorContractTest;

/**
 * The doctor and traceability on a real PostgreSQL server, in a schema of its own for each test; drift
 * is written as another tool could, after dropping the schema's checks on nodes and foreign keys on links.
 */
class PostgresDoctorTest extends DoctorContractTest {
    PostgresDoctorTest() {
        super(new PostgresFixture());
    }
}
