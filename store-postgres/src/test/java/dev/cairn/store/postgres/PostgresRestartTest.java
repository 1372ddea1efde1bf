package dev.cairn.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.Status;
import dev.cairn.core.StoreException;
import dev.cairn.test.postgres.OwnedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store outlives its server's restarts, and waits for a server that is not up yet. The tests run servers of
 * their own, since they stop them: one for the class, restarted by each test, and one that starts late.
 */
class PostgresRestartTest {
    private static OwnedPostgres server;

    @TempDir
    Path folder;

    @BeforeAll
    static void startServer(@TempDir Path data) {
        server = OwnedPostgres.start(data.resolve("data"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void leaveTheServerRunning() {
        if (!server.running()) {
            server.restart();
        }
    }

    @Test
    void operationsAfterTheServerRestartsSucceedWithoutReopeningTheStore() {
        // Long enough for the pool to take a new connection after the restart on a busy machine (2 s once was
        // not: the pool backs off between attempts), short enough for the read while down to fail soon.
        try (Cairn cairn = Cairn.open(server.cairnUrl("restart") + "&lockTimeout=10000")) {
            Node goal = cairn.create(NodeDraft.of(Layer.GOAL, "Survive a restart").id("GOAL-1"));
            cairn.create(NodeDraft.of(Layer.TASK, "Before").id("TSK-1").parents(goal.id()));

            server.stop();
            assertThatThrownBy(() -> cairn.get("GOAL-1"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("postgresql://localhost:" + server.port());
            server.restart();

            cairn.create(NodeDraft.of(Layer.TASK, "After").id("TSK-2").parents(goal.id()));
            cairn.setStatus("TSK-1", Status.IN_PROGRESS);
            assertThat(cairn.children("GOAL-1")).extracting(Node::id).containsExactly("TSK-1", "TSK-2");
            assertThat(cairn.get("TSK-1").status()).isEqualTo(Status.IN_PROGRESS);
            assertThat(cairn.history("TSK-2")).isNotEmpty();
        }
    }

    @Test
    void aWriteWaitingForTheServerCompletesOnceItIsBack() throws Exception {
        try (Cairn cairn = Cairn.open(server.cairnUrl("waiting") + "&lockTimeout=60000")) {
            cairn.create(NodeDraft.of(Layer.GOAL, "Before").id("GOAL-1"));
            server.stop();

            CompletableFuture<Node> write = CompletableFuture.supplyAsync(
                    () -> cairn.create(NodeDraft.of(Layer.GOAL, "While down").id("GOAL-2")));
            Thread.sleep(1_500);
            assertThat(write).isNotDone();
            server.restart();

            assertThat(write.get(60, TimeUnit.SECONDS).title()).isEqualTo("While down");
            assertThat(cairn.find(NodeQuery.all())).extracting(Node::id).containsExactly("GOAL-1", "GOAL-2");
        }
    }

    @Test
    void openingWaitsForAServerThatStartsLater() throws Exception {
        int port = OwnedPostgres.freePort();
        CompletableFuture<OwnedPostgres> starting = CompletableFuture.supplyAsync(() -> {
            sleep(1_500);
            return OwnedPostgres.start(folder.resolve("late"), port);
        });
        try (Cairn cairn = Cairn.open("postgresql://localhost:" + port + "/postgres?user=postgres&schema=late"
                + "&connectTimeout=120000")) {
            cairn.create(NodeDraft.of(Layer.GOAL, "Waited").id("GOAL-1"));
            assertThat(cairn.get("GOAL-1").title()).isEqualTo("Waited");
        } finally {
            starting.get(120, TimeUnit.SECONDS).close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aWriteWhoseSessionTheServerEndsBeforeItCommitsRunsAgainAndCommitsOnce() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (Cairn cairn = Cairn.open(server.cairnUrl("terminated") + "&ApplicationName=cairn-terminated");
             Connection admin = DriverManager.getConnection(server.jdbcUrl())) {
            cairn.create(NodeDraft.of(Layer.GOAL, "Ship").id("GOAL-1"));
            cairn.inTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.TASK, "First").id("TSK-1").parents("GOAL-1"));
                if (attempts.incrementAndGet() == 1) {
                    // What a restart does to a session: "terminating connection due to administrator command".
                    try (Statement statement = admin.createStatement()) {
                        statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                + " WHERE application_name = 'cairn-terminated'");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
                graph.create(NodeDraft.of(Layer.TASK, "Second").id("TSK-2").parents("GOAL-1"));
                return null;
            });

            assertThat(attempts).hasValue(2);
            assertThat(cairn.children("GOAL-1")).extracting(Node::id).containsExactly("TSK-1", "TSK-2");
            assertThat(cairn.history("TSK-1")).extracting(Event::type).containsOnlyOnce(EventType.CREATED);
        }
    }
}
