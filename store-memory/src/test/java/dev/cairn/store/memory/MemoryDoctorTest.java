package dev.cairn.store.memory;

import dev.cairn.store.tck.DoctorContractTest;

/** The doctor and traceability on the memory store, which cannot drift: its drift tests are skipped. */
class MemoryDoctorTest extends DoctorContractTest {
    MemoryDoctorTest() {
        super(new MemoryFixture());
    }
}
