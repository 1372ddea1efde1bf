package dev.cairn.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.StoreException;
import dev.cairn.migrations.MigrationCallback;
import dev.cairn.migrations.Migrator;
import dev.cairn.test.postgres.PostgresServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Opening a store whose schema is up to date reads the history once and takes no migration lock: it opens while
 * another migrator holds the schema's advisory lock, where waiting for the lock would end in a lock timeout.
 */
class PostgresOpenWithoutLockTest {

    @Test
    void anUpToDateSchemaOpensWhileAnotherMigratorHoldsTheLock() throws Exception {
        String schema = PostgresServer.unusedSchema("open_unlocked");
        try (Cairn cairn = Cairn.open(PostgresServer.cairnUrl(schema))) {
            cairn.create(NodeDraft.of(Layer.GOAL, "Ship 1.0"));
        }
        withTheLockHeld(schema, () -> {
            try (Cairn cairn = Cairn.open(PostgresServer.cairnUrl(schema) + "&lockTimeout=300")) {
                assertThat(cairn.roots()).extracting(node -> node.title()).containsExactly("Ship 1.0");
            }
        });
    }

    @Test
    void aSchemaThatIsBehindStillWaitsForTheLock() throws Exception {
        String schema = PostgresServer.unusedSchema("open_behind");
        Cairn.open(PostgresServer.cairnUrl(schema)).close();
        PostgresServer.execute("DELETE FROM " + schema + ".cairn_schema_history WHERE installed_rank = "
                + "(SELECT max(installed_rank) FROM " + schema + ".cairn_schema_history)");
        withTheLockHeld(schema, () -> assertThatThrownBy(
                () -> Cairn.open(PostgresServer.cairnUrl(schema) + "&lockTimeout=300").close())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("lock"));
    }

    /** Runs {@code work} while a migrator of {@code schema} holds its lock, waiting in its first callback. */
    private static void withTheLockHeld(String schema, Runnable work) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        MigrationCallback holdTheLock = (event, connection, migration) -> {
            if (event == MigrationCallback.Event.BEFORE_MIGRATE) {
                locked.countDown();
                done.await(1, TimeUnit.MINUTES);
                // Ends the holder's run before it migrates anything: it only had to hold the lock.
                throw new IllegalStateException("released");
            }
        };
        CompletableFuture<?> migrator = CompletableFuture.runAsync(() -> Migrator.builder()
                .jdbcUrl(PostgresServer.jdbcUrl())
                .schema(schema)
                .sets(new PostgresMigrationSet())
                .callbacks(holdTheLock)
                .build()
                .migrate());
        try {
            assertThat(locked.await(1, TimeUnit.MINUTES)).as("the other migrator holds the lock").isTrue();
            work.run();
        } finally {
            done.countDown();
            migrator.handle((result, failure) -> null).get(1, TimeUnit.MINUTES);
        }
    }
}
