package dev.cairn.store.postgres;

import dev.cairn.store.tck.StreamingContractTest;

/** The {@link StreamingContractTest}, on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresStreamingContractTest extends StreamingContractTest {
    PostgresStreamingContractTest() {
        super(new PostgresFixture());
    }
}
