package dev.cairn.store.h2;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.CommandRunnerContractTest;
import java.util.UUID;

/** Running Commands with their runs recorded in in-memory H2 databases, a new one for each store a test asks for. */
class H2CommandRunnerTest extends CommandRunnerContractTest {
    @Override
    protected Store createStore() {
        return new H2StoreProvider().open(CairnConfig.of("h2:mem:runner-" + UUID.randomUUID()));
    }
}
