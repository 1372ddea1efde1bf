package dev.cairn.store.memory;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.DoctorContractTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The doctor and traceability on the memory store, which cannot drift: its drift tests are skipped. */
class MemoryDoctorTest extends DoctorContractTest {
    private final String name = "doctor-" + UUID.randomUUID();

    @Override
    protected Store createStore() {
        return new MemoryStoreProvider().open(CairnConfig.of("memory:" + name));
    }

    @AfterEach
    void dropStore() {
        MemoryStoreProvider.drop(name);
    }
}
