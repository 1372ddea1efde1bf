package dev.cairn.store.h2;

import dev.cairn.store.tck.CopyContractTest;
import java.util.UUID;

/** Copies between two in-memory H2 databases keep the copy contract, new ones for each test. */
class H2CopyTest extends CopyContractTest {
    private final String test = UUID.randomUUID().toString();

    @Override
    protected String newStoreUrl(String name) {
        return "h2:mem:copy-" + name + "-" + test;
    }
}
