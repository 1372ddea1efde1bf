package dev.cairn.core.spi;

/**
 * What a store can do beyond the contract every store keeps. The contract suite runs the tests of a
 * capability only on the stores that declare it.
 */
public enum StoreCapability {
    /** What is written survives closing the store, and the process, and opening it again with the same URL. */
    PERSISTENT,
    /** Several processes may use one store at once. */
    MULTI_PROCESS,
    /**
     * Keeps the runs and leases of Command nodes: every transaction gives a {@link StoreTransaction#runLog()}.
     * Running Commands needs it.
     */
    COMMAND_RUNS
}
