package dev.cairn.store.h2;

import dev.cairn.store.tck.LabelsContractTest;

/** The {@link LabelsContractTest}, on an in-memory H2 database of its own for each test. */
class H2LabelsContractTest extends LabelsContractTest {
    H2LabelsContractTest() {
        super(H2Fixture.inMemory());
    }
}
