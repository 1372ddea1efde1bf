package dev.cairn.core;

/** How many nodes of one layer have one status. Immutable and thread-safe. */
public record StatusCount(Layer layer, Status status, long count) {
}
