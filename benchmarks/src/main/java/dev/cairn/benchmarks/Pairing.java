package dev.cairn.benchmarks;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs each benchmark with its baseline from the same run: in the same class, with the same mode and
 * the same parameters, the baseline is the method named by {@link Baseline} on the benchmark, or else
 * the benchmark's name followed by {@code Baseline}. Immutable and thread-safe.
 *
 * @param pairs    benchmark and baseline, in the order of the results
 * @param unpaired results that are neither a benchmark with a baseline nor a baseline
 */
record Pairing(List<Pair> pairs, List<JmhResult> unpaired) {

    /** A benchmark and the baseline it is compared with. */
    record Pair(JmhResult subject, JmhResult baseline) {
        /** Whether the baseline's name is not the conventional {@code <method>Baseline}. */
        boolean explicit() {
            return !baseline.method().equals(subject.method() + "Baseline");
        }
    }

    Pairing {
        pairs = List.copyOf(pairs);
        unpaired = List.copyOf(unpaired);
    }

    /** Pairs {@code results}, finding {@link Baseline} annotations on classes this class loader can see. */
    static Pairing of(List<JmhResult> results) {
        return of(results, Pairing::annotatedBaseline);
    }

    /** Pairs {@code results}, asking {@code explicitBaseline} first for the baseline of each. */
    static Pairing of(List<JmhResult> results, ExplicitBaselines explicitBaseline) {
        Map<Key, JmhResult> byKey = new HashMap<>();
        for (JmhResult result : results) {
            byKey.put(Key.of(result, result.method()), result);
        }
        Set<JmhResult> used = new LinkedHashSet<>();
        List<Pair> pairs = new ArrayList<>();
        for (JmhResult result : results) {
            if (used.contains(result)) {
                continue;
            }
            String baselineName = explicitBaseline.of(result.className(), result.method())
                    .orElse(result.method() + "Baseline");
            JmhResult baseline = byKey.get(Key.of(result, baselineName));
            if (baseline != null && baseline != result && !used.contains(baseline)) {
                pairs.add(new Pair(result, baseline));
                used.add(result);
                used.add(baseline);
            }
        }
        List<JmhResult> unpaired = results.stream().filter(result -> !used.contains(result)).toList();
        return new Pairing(pairs, unpaired);
    }

    /** Where explicit pairs come from: the baseline method of a benchmark method, if it names one. */
    @FunctionalInterface
    interface ExplicitBaselines {
        Optional<String> of(String className, String method);
    }

    /** The {@link Baseline} on a public method of that name, if the class is on the class path. */
    static Optional<String> annotatedBaseline(String className, String method) {
        try {
            Class<?> type = Class.forName(className, false, Pairing.class.getClassLoader());
            for (Method candidate : type.getMethods()) {
                Baseline baseline = candidate.getAnnotation(Baseline.class);
                if (baseline != null && candidate.getName().equals(method)) {
                    return Optional.of(baseline.value());
                }
            }
            return Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            // Results from another jar: the naming convention still pairs them.
            return Optional.empty();
        }
    }

    private record Key(String className, String method, String mode, Map<String, String> params) {
        static Key of(JmhResult result, String method) {
            return new Key(result.className(), Objects.requireNonNull(method, "method"), result.mode(),
                    result.params());
        }
    }
}
