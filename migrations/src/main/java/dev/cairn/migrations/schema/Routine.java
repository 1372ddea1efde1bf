package dev.cairn.migrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * A function or procedure, known by its signature and a hash of its body rather than the body itself, so a
 * snapshot stays small and a diff can still say that the body changed. Immutable and thread-safe.
 *
 * @param signature  its name and argument types, {@code touch(integer, text)}: the key, as overloads share a name
 * @param kind       {@code FUNCTION}, {@code PROCEDURE}, {@code AGGREGATE} or {@code WINDOW}
 * @param result     its result type, or null for a procedure
 * @param language   its language ({@code plpgsql}, {@code sql}, …)
 * @param bodySha256 the SHA-256, in hex, of its body with whitespace normalised
 * @param attributes how it runs, in the words of {@code CREATE FUNCTION}: volatility ({@code STABLE}),
 *                   {@code STRICT}, {@code SECURITY DEFINER}, {@code PARALLEL SAFE}, {@code SET name=value}
 */
public record Routine(String signature, String kind, String result, String language, String bodySha256,
                      List<String> attributes) {
    /**
     * Checks that the required values are present and copies the attributes.
     *
     * @param signature  its name and argument types, {@code touch(integer, text)}: the key, as overloads share a name
     * @param kind       {@code FUNCTION}, {@code PROCEDURE}, {@code AGGREGATE} or {@code WINDOW}
     * @param result     its result type, or null for a procedure
     * @param language   its language ({@code plpgsql}, {@code sql}, …)
     * @param bodySha256 the SHA-256, in hex, of its body with whitespace normalised
     * @param attributes how it runs, in the words of {@code CREATE FUNCTION}: volatility ({@code STABLE}),
     *                   {@code STRICT}, {@code SECURITY DEFINER}, {@code PARALLEL SAFE}, {@code SET name=value}
     */
    public Routine {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(bodySha256, "bodySha256");
        attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes"));
    }
}
