package dev.cairn.store.h2;

import dev.cairn.store.tck.DoctorContractTest;

/**
 * The doctor and traceability on an in-memory H2 database; drift is written as another tool could,
 * after dropping the schema's checks on nodes and foreign keys on links.
 */
class H2DoctorTest extends DoctorContractTest {
    H2DoctorTest() {
        super(H2Fixture.inMemory());
    }
}
