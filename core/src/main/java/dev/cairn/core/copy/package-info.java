/**
 * Copying a whole plan from one store to another, on any backends, and checking the copy.
 *
 * <p>{@link dev.cairn.core.copy.StoreCopy} streams labels, nodes, events and links from a source read in one
 * transaction into a target written in one, keeping ids, dates, versions and the history; then
 * {@link dev.cairn.core.copy.Verification} compares counts and a digest of every node and its parents on both
 * sides ({@link dev.cairn.core.copy.NodeDigest}). A {@link dev.cairn.core.copy.CopyListener} follows the
 * progress; {@link dev.cairn.core.copy.CopyResult} tells what was written and found. Nodes the target holds
 * already are treated as an import treats them ({@link dev.cairn.core.io.ImportMode}).
 */
package dev.cairn.core.copy;
