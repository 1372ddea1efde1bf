package dev.cairn.store.postgres;

import dev.cairn.store.tck.CopyContractTest;
import dev.cairn.test.postgres.PostgresServer;
import java.util.HashMap;
import java.util.Map;

/** Copies between two schemas of one PostgreSQL server keep the copy contract, new schemas for each test. */
class PostgresCopyTest extends CopyContractTest {
    private final Map<String, String> schemas = new HashMap<>();

    @Override
    protected String newStoreUrl(String name) {
        return PostgresServer.cairnUrl(schemas.computeIfAbsent(name, key -> PostgresServer.unusedSchema("copy_" + key)));
    }
}
