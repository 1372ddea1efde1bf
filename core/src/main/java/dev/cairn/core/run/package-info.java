/**
 * Running Command nodes: {@link dev.cairn.core.run.CommandRunner} runs them when asked, and the store records
 * each {@link dev.cairn.core.run.CommandRun} with its {@link dev.cairn.core.run.ArtifactCheck}s. Nothing in
 * Cairn runs a Command otherwise: not opening a store, importing a plan or copying one.
 */
package dev.cairn.core.run;
