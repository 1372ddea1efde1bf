package dev.cairn.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.run.ArtifactCheck;
import dev.cairn.core.run.CommandLease;
import dev.cairn.core.run.CommandRun;
import dev.cairn.store.tck.CommandRunStoreContractTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Command runs and leases on the memory store, and how its undo log restores them: the SQL stores get that
 * from their database, the memory store must do it by hand.
 */
class MemoryCommandRunStoreTest extends CommandRunStoreContractTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    MemoryCommandRunStoreTest() {
        super(new MemoryFixture());
    }

    @Nested
    class Undo {
        private final CommandLease lease = new CommandLease("CMD-1", "host-a/1/x", T0, T0.plusSeconds(60));
        private final CommandRun first = CommandRun.started("CMD-1", 1, T0, "ana")
                .end(T0.plusSeconds(1), 0, false, "ok\n", "results/CMD-1/1.log", List.of(ArtifactCheck.missing("a")));
        private final CommandRun second = CommandRun.started("CMD-1", 2, T0.plusSeconds(5), "bo");

        private void recordTwoRunsAndALease() {
            store.write(tx -> {
                runLog(tx).startRun("CMD-1", T0, "ana");
                runLog(tx).finishRun(first);
                runLog(tx).startRun("CMD-1", T0.plusSeconds(5), "bo");
                return runLog(tx).acquireLease(lease);
            });
        }

        private int startRun() {
            return store.write(tx -> runLog(tx).startRun("CMD-1", T0, "ana"));
        }

        private List<CommandRun> runs(String commandId) {
            return store.read(tx -> runLog(tx).runs(commandId, 10));
        }

        private Optional<CommandLease> lease(String commandId) {
            return store.read(tx -> runLog(tx).lease(commandId));
        }

        @Test
        void aDeleteThatFailsGivesTheCommandItsRunsAndLeaseBack() {
            recordTwoRunsAndALease();

            assertThatThrownBy(() -> store.write(tx -> {
                tx.delete("CMD-1");
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");

            assertThat(runs("CMD-1")).containsExactly(second, first);
            assertThat(lease("CMD-1")).contains(lease);
            assertThat(startRun()).isEqualTo(3);
        }

        @Test
        void aCommandDeletedAndMadeAgainInAFailedUnitOfWorkKeepsItsOwnRuns() {
            recordTwoRunsAndALease();

            assertThatThrownBy(() -> store.write(tx -> {
                Node command = tx.node("CMD-1").orElseThrow();
                tx.delete("CMD-1");
                tx.insert(command);
                assertThat(runLog(tx).runs("CMD-1", 10)).isEmpty();
                assertThat(runLog(tx).startRun("CMD-1", T0, "cy")).isEqualTo(1);
                assertThat(runLog(tx).acquireLease(new CommandLease("CMD-1", "host-c/3/z", T0, T0.plusSeconds(1))))
                        .isTrue();
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");

            assertThat(runs("CMD-1")).containsExactly(second, first);
            assertThat(lease("CMD-1")).contains(lease);
        }

        @Test
        void aFailedNestedWriteUndoesOnlyItsOwnRunsAndLeases() {
            store.write(tx -> {
                runLog(tx).startRun("CMD-1", T0, "ana");
                assertThatThrownBy(() -> store.write(inner -> {
                    runLog(inner).startRun("CMD-1", T0, "ana");
                    runLog(inner).finishRun(first);
                    runLog(inner).acquireLease(lease);
                    throw new IllegalStateException("rolled back");
                })).hasMessage("rolled back");
                return runLog(tx).acquireLease(new CommandLease("CMD-2", "host-b/2/y", T0, T0.plusSeconds(60)));
            });

            assertThat(runs("CMD-1")).containsExactly(CommandRun.started("CMD-1", 1, T0, "ana"));
            assertThat(lease("CMD-1")).isEmpty();
            assertThat(lease("CMD-2")).isPresent();
        }

        @Test
        void aReleaseAndARenewalThatFailAreUndone() {
            recordTwoRunsAndALease();

            assertThatThrownBy(() -> store.write(tx -> {
                runLog(tx).renewLease("CMD-1", lease.holder(), T0.plusSeconds(600));
                runLog(tx).releaseLease("CMD-1", lease.holder());
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");

            assertThat(lease("CMD-1")).contains(lease);
        }

        @Test
        void aRunOrLeaseForANodeThatDoesNotExistIsRefused() {
            assertThatThrownBy(() -> store.write(tx -> runLog(tx).startRun("CMD-404", T0, "ana")))
                    .isInstanceOf(NoSuchNodeException.class).hasMessageContaining("CMD-404");
            assertThatThrownBy(() -> store.write(tx -> runLog(tx).acquireLease(
                    new CommandLease("CMD-404", "h", T0, T0.plusSeconds(1)))))
                    .isInstanceOf(NoSuchNodeException.class).hasMessageContaining("CMD-404");

            assertThat(runs("CMD-404")).isEmpty();
            assertThat(lease("CMD-404")).isEmpty();
        }

        @Test
        void aReadCannotRecordARun() {
            assertThatThrownBy(() -> store.read(tx -> runLog(tx).startRun("CMD-1", T0, "ana")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        }
    }
}
