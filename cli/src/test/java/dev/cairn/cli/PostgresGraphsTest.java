package dev.cairn.cli;

import dev.cairn.test.postgres.PostgresServer;
import java.nio.file.Path;

/**
 * The graphs of a real PostgreSQL server, in a schema of their own: one started from Maven Central binaries, or the
 * one {@code CAIRN_TEST_PG_URL} names.
 */
final class PostgresGraphsTest extends StoreGraphsTest {
    @Override
    String newStoreUrl(Path folder) {
        return PostgresServer.cairnUrl(PostgresServer.unusedSchema("graphs"));
    }
}
