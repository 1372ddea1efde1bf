package dev.cairn.store.sqlite;

import dev.cairn.store.tck.EventsContractTest;

/** The {@link EventsContractTest}, on a new SQLite file for each test. */
class SqliteEventsContractTest extends EventsContractTest {
    SqliteEventsContractTest() {
        super(SqliteFixture.inFiles());
    }
}
