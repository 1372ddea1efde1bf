package dev.cairn.core;

/**
 * What a {@link PlanGraph#batch} wrote. Immutable and thread-safe.
 *
 * @param nodes  nodes created
 * @param links  links created, a draft's parents included
 * @param events events appended to the audit trail
 */
public record BatchResult(long nodes, long links, long events) {
}
