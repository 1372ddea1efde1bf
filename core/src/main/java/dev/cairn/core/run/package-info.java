/**
 * The records of running Command nodes, as a store keeps them through {@link dev.cairn.core.spi.RunLog}: each
 * {@link dev.cairn.core.run.CommandRun} with its {@link dev.cairn.core.run.ArtifactCheck}s, and the
 * {@link dev.cairn.core.run.CommandLease} that keeps two runners off one Command. Nothing in the core runs a
 * Command: the runner is {@code dev.cairn.runner.CommandRunner}, in {@code dev.cairn:cairn-runner}.
 */
package dev.cairn.core.run;
