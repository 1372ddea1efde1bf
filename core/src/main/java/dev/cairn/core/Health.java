package dev.cairn.core;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link Cairn#health()} found: whether the store answered, how fast, and what it runs. Immutable and
 * thread-safe.
 *
 * @param backend        the store's backend, such as {@code sqlite} or {@code postgresql}
 * @param url            the store's URL, password masked
 * @param up             whether the store answered a round trip
 * @param serverVersion  the database product and version, such as {@code PostgreSQL 16.4}; empty for the memory
 *                       store, or when the store did not answer
 * @param schemaVersions the applied schema version of each migration module in the store's database, by
 *                       module; empty for a store without migrations
 * @param latency        how long one round trip to the store took; zero when it did not answer
 * @param problem        why the store did not answer, or empty
 */
public record Health(String backend, String url, boolean up, String serverVersion, Map<String, String> schemaVersions,
                     Duration latency, String problem) {
    /**
     * Creates a {@code Health}, checking and copying its components.
     *
     * @param backend        the store's backend, such as {@code sqlite} or {@code postgresql}
     * @param url            the store's URL, password masked
     * @param up             whether the store answered a round trip
     * @param serverVersion  the database product and version, such as {@code PostgreSQL 16.4}; empty for the memory
     *                       store, or when the store did not answer
     * @param schemaVersions the applied schema version of each migration module in the store's database, by
     *                       module; empty for a store without migrations
     * @param latency        how long one round trip to the store took; zero when it did not answer
     * @param problem        why the store did not answer, or empty
     */
    public Health {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(url, "url");
        serverVersion = serverVersion == null ? "" : serverVersion;
        schemaVersions = schemaVersions == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(schemaVersions));
        latency = latency == null ? Duration.ZERO : latency;
        problem = problem == null ? "" : problem;
    }
}
