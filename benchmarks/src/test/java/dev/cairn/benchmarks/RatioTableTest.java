package dev.cairn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Reading JMH's JSON, pairing benchmarks with their baselines, and the ratios printed. */
class RatioTableTest {
    private static final String MEMORY = "dev.cairn.benchmarks.MemoryStoreBenchmark";
    private static final String MIGRATIONS = MigrationsLike.class.getName();

    /** Stands in for a benchmark class that names its baseline explicitly. */
    static final class MigrationsLike {
        @Baseline("flywayMigrate")
        public void cairnMigrate() {
        }

        public void flywayMigrate() {
        }
    }

    @Test
    void readsNamesParamsScoresAndAMissingError() {
        List<JmhResult> results = JmhResult.parse("""
                [ {
                  "benchmark" : "dev.cairn.benchmarks.MemoryStoreBenchmark.descendants",
                  "mode" : "avgt",
                  "params" : { "size" : "100000" },
                  "primaryMetric" : { "score" : 5123.5, "scoreError" : "NaN", "scoreUnit" : "us/op" }
                } ]
                """);

        assertThat(results).containsExactly(new JmhResult(MEMORY, "descendants", "avgt",
                new TreeMap<>(Map.of("size", "100000")), 5123.5, Double.NaN, "us/op"));
    }

    @Test
    void pairsXWithXBaselineOnlyWhenTheParamsAreEqual() {
        JmhResult small = result(MEMORY, "descendants", "1000", 10, "us/op");
        JmhResult large = result(MEMORY, "descendants", "100000", 1000, "us/op");
        JmhResult largeBaseline = result(MEMORY, "descendantsBaseline", "100000", 100, "us/op");

        Pairing pairing = Pairing.of(List.of(largeBaseline, small, large));

        assertThat(pairing.pairs()).containsExactly(new Pairing.Pair(large, largeBaseline));
        assertThat(pairing.unpaired()).containsExactly(small);
    }

    @Test
    void pairsTheMethodThatBaselineNames() {
        JmhResult cairn = result(MIGRATIONS, "cairnMigrate", "10", 30, "ms/op");
        JmhResult flyway = result(MIGRATIONS, "flywayMigrate", "10", 20, "ms/op");

        Pairing pairing = Pairing.of(List.of(cairn, flyway));

        assertThat(pairing.pairs()).containsExactly(new Pairing.Pair(cairn, flyway));
        assertThat(pairing.unpaired()).isEmpty();
        assertThat(RatioTable.render(pairing)).contains("MigrationsLike.cairnMigrate vs flywayMigrate");
    }

    @Test
    void ratioIsHowManyTimesTheBaselinesCostAcrossUnitsAndModes() {
        double timeRatio = RatioTable.ratio(result(MEMORY, "get", "1", 10, "us/op"),
                result(MEMORY, "getBaseline", "1", 2_000, "ns/op"));
        double throughputRatio = RatioTable.ratio(result(MEMORY, "get", "1", 100, "ops/s"),
                result(MEMORY, "getBaseline", "1", 1, "ops/ms"));

        assertThat(timeRatio).isCloseTo(5.0, within(1e-9));
        assertThat(throughputRatio).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void tablePrintsBothScoresAndTheRatio() {
        Pairing pairing = Pairing.of(List.of(result(MEMORY, "create", "7", 12.5, "us/op"),
                result(MEMORY, "createBaseline", "7", 0.25, "us/op")));

        String table = RatioTable.render(pairing);

        assertThat(table.lines().skip(1).findFirst()).hasValueSatisfying(row -> assertThat(row)
                .startsWith("MemoryStoreBenchmark.create")
                .contains("size=7", "12.50", "0.250", "us/op")
                .endsWith("50x"));
    }

    private static JmhResult result(String className, String method, String size, double score, String unit) {
        return new JmhResult(className, method, "avgt", new TreeMap<>(Map.of("size", size)), score, 0.1, unit);
    }
}
