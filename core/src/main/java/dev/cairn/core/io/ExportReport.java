package dev.cairn.core.io;

/**
 * What an export wrote. Immutable and thread-safe.
 *
 * @param nodes  nodes written
 * @param links  links written (in a tree, each once, though both of its files name it)
 * @param labels label definitions written (a tree keeps labels on its nodes only)
 * @param events events written (a tree keeps no history)
 * @param stalePartialsRemoved temporary files of an earlier export that was killed halfway, removed from a tree
 */
public record ExportReport(long nodes, long links, long labels, long events, long stalePartialsRemoved) {
    /** A report with no stale temporary files removed. */
    public ExportReport(long nodes, long links, long labels, long events) {
        this(nodes, links, labels, events, 0);
    }
}
