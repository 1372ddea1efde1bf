package dev.cairn.core;

/**
 * How many nodes of one layer have one status. Immutable and thread-safe.
 *
 * @param layer  the layer counted
 * @param status the status counted
 * @param count  how many nodes of that layer have that status
 */
public record StatusCount(Layer layer, Status status, long count) {
}
