package dev.cairn.benchmarks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the benchmark method, in the same class, that a benchmark is compared with, when it is not
 * named {@code <method>Baseline}:
 *
 * <pre>{@code
 * @Benchmark @Baseline("flywayMigrate")
 * public Object cairnMigrate(...) { ... }
 *
 * @Benchmark
 * public Object flywayMigrate(...) { ... }
 * }</pre>
 *
 * <p>{@link RatioTable} pairs the two when their parameters are equal.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Baseline {
    /** The name of the baseline method. */
    String value();
}
