package dev.cairn.store.postgres;

import dev.cairn.store.tck.EventsContractTest;

/** The {@link EventsContractTest}, on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresEventsContractTest extends EventsContractTest {
    PostgresEventsContractTest() {
        super(new PostgresFixture());
    }
}
