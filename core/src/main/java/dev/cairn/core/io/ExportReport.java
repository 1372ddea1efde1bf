package dev.cairn.core.io;

import java.util.List;

/**
 * What an export wrote. Immutable and thread-safe.
 *
 * @param nodes  nodes written
 * @param links  links written (in a tree, each once, though both of its files name it)
 * @param labels label definitions written (a tree keeps labels on its nodes only)
 * @param events events written (a tree keeps no history)
 * @param stalePartialsRemoved temporary files of an earlier export that was killed halfway, removed from a tree
 * @param staleFiles node files of a tree that name nodes the store no longer holds, as paths in the tree
 * @param staleFilesRemoved whether the stale files were removed (the default), or only reported
 */
public record ExportReport(long nodes, long links, long labels, long events, long stalePartialsRemoved,
        List<String> staleFiles, boolean staleFilesRemoved) {
    /**
     * Creates an {@code ExportReport}, copying its components.
     *
     * @param nodes  nodes written
     * @param links  links written (in a tree, each once, though both of its files name it)
     * @param labels label definitions written (a tree keeps labels on its nodes only)
     * @param events events written (a tree keeps no history)
     * @param stalePartialsRemoved temporary files of an earlier export that was killed halfway, removed from a tree
     * @param staleFiles node files of a tree that name nodes the store no longer holds, as paths in the tree
     * @param staleFilesRemoved whether the stale files were removed (the default), or only reported
     */
    public ExportReport {
        staleFiles = List.copyOf(staleFiles);
    }

    /**
     * A report with no stale temporary files removed.
     *
     * @param nodes  nodes written
     * @param links  links written (in a tree, each once, though both of its files name it)
     * @param labels label definitions written (a tree keeps labels on its nodes only)
     * @param events events written (a tree keeps no history)
     */
    public ExportReport(long nodes, long links, long labels, long events) {
        this(nodes, links, labels, events, 0);
    }

    /**
     * A report with no stale node files.
     *
     * @param nodes                nodes written
     * @param links                links written (in a tree, each once, though both of its files name it)
     * @param labels               label definitions written (a tree keeps labels on its nodes only)
     * @param events               events written (a tree keeps no history)
     * @param stalePartialsRemoved temporary files of an earlier export that was killed halfway, removed from a tree
     */
    public ExportReport(long nodes, long links, long labels, long events, long stalePartialsRemoved) {
        this(nodes, links, labels, events, stalePartialsRemoved, List.of(), false);
    }
}
