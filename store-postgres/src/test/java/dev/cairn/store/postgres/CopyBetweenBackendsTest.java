package dev.cairn.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Cairn;
import dev.cairn.core.copy.CopyResult;
import dev.cairn.core.copy.StoreCopy;
import dev.cairn.core.copy.Verification;
import dev.cairn.store.tck.CopyContractTest;
import dev.cairn.store.tck.PlanSample;
import dev.cairn.store.tck.TestClock;
import dev.cairn.test.postgres.PostgresServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole {@link PlanSample} copied from each backend into each other kind arrives field by field, and the
 * verification after the copy finds no difference. It lives with the last store built, which can depend on
 * all the others.
 */
class CopyBetweenBackendsTest {
    @TempDir
    Path folder;

    /** A new, empty store of {@code backend}. */
    private String newStore(String backend, String name) {
        String unique = name + "-" + UUID.randomUUID();
        return switch (backend) {
            case "memory" -> "memory:copy-" + unique;
            case "sqlite" -> "sqlite:" + folder.resolve(unique + ".db");
            case "h2" -> "h2:mem:copy-" + unique;
            case "postgresql" -> PostgresServer.cairnUrl(PostgresServer.unusedSchema("copy_" + name));
            default -> throw new IllegalArgumentException(backend);
        };
    }

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("memory", "sqlite"),
                Arguments.of("sqlite", "h2"),
                Arguments.of("h2", "postgresql"),
                Arguments.of("postgresql", "memory"),
                Arguments.of("sqlite", "sqlite"),
                Arguments.of("memory", "postgresql"),
                Arguments.of("postgresql", "sqlite"),
                Arguments.of("h2", "memory"));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("pairs")
    void theWholeSampleArrivesAndVerifies(String from, String to) {
        TestClock sourceClock = new TestClock(PlanSample.START);
        try (Cairn source = Cairn.open(PlanSample.config(newStore(from, "source"), sourceClock));
             Cairn target = Cairn.open(PlanSample.config(newStore(to, "target"),
                     new TestClock(Instant.parse("2025-01-01T00:00:00Z"))))) {
            PlanSample.fill(source, sourceClock);
            PlanSample.Snapshot original = PlanSample.Snapshot.of(source);
            original.assertCoversTheModel();

            CopyResult result = StoreCopy.from(source).to(target).run();

            assertThat(source.backend()).isEqualTo(from);
            assertThat(target.backend()).isEqualTo(to);
            CopyContractTest.assertHoldsACopyOf(PlanSample.Snapshot.of(target), original);
            Verification verification = result.verification();
            assertThat(result.ok()).as(verification.describe()).isTrue();
            assertThat(verification.targetCounts()).isEqualTo(new Verification.Counts(original.nodes().size(),
                    original.links().size(), original.labels().size(), original.events().size()));
            assertThat(result.nodesCopied()).isEqualTo(original.nodes().size());
            assertThat(result.eventsCopied()).isEqualTo(original.events().size());
        }
    }
}
