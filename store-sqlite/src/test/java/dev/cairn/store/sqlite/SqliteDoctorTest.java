package dev.cairn.store.sqlite;

import dev.cairn.store.tck.DoctorContractTest;

/**
 * The doctor and traceability on a SQLite file; drift is written as another tool could, on a
 * connection of its own that ignores the schema's checks and foreign keys.
 */
class SqliteDoctorTest extends DoctorContractTest {
    SqliteDoctorTest() {
        super(SqliteFixture.inFiles());
    }
}
