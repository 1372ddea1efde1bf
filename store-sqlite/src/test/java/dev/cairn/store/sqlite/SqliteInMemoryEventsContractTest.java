package dev.cairn.store.sqlite;

import dev.cairn.store.tck.EventsContractTest;

/** The {@link EventsContractTest}, on a private {@code sqlite::memory:} database for each test. */
class SqliteInMemoryEventsContractTest extends EventsContractTest {
    SqliteInMemoryEventsContractTest() {
        super(SqliteFixture.inMemory());
    }
}
