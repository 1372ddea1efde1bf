/**
 * Running Command nodes: {@link dev.cairn.runner.CommandRunner} runs them when asked, each shell line in a
 * process of its own, stopped with everything it started at its timeout, and records each
 * {@link dev.cairn.core.run.CommandRun} in a store that keeps runs (one that declares
 * {@link dev.cairn.core.spi.StoreCapability#COMMAND_RUNS}). Nothing in Cairn runs a Command otherwise: not
 * opening a store, importing a plan or copying one.
 */
package dev.cairn.runner;
