package dev.cairn.store.postgres;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.test.postgres.PgBouncer;

/**
 * The {@link PostgresFixture}'s stores opened through a real PgBouncer in {@code pool_mode=transaction}, with the
 * store property {@code pooling=transaction}: the store, its pool and its migrations go through the proxy, which
 * shares a few server connections between all of them. What the suites read and write past the store (plain
 * JDBC, the migrator of the upgrade suite) connects to the server directly, as a tool beside the application
 * would.
 */
final class PgBouncerFixture extends PostgresFixture {
    /**
     * Starts the shared proxy, or ends the test before it has a store to tear down: skipped without the binary
     * (failed under {@code CI=true}).
     */
    PgBouncerFixture() {
        PgBouncer.shared();
    }

    @Override
    public String storeUrl(String name) {
        return PgBouncer.shared().cairnUrl(schemaOf(name));
    }

    @Override
    protected Store open(String url) {
        return new PostgresStoreProvider().open(CairnConfig.of(url));
    }
}
