package dev.cairn.core.io;

import java.util.List;
import java.util.Objects;

/**
 * What an import did, or on a dry run would do. The id lists hold the first {@value #LISTED} of each kind;
 * the counts are exact. Immutable and thread-safe.
 *
 * @param dryRun       true when nothing was written
 * @param mode         what was done with nodes the store held already
 * @param created      nodes added
 * @param updated      stored nodes given the file's fields (mode {@link ImportMode#UPDATE}) that differed
 * @param skipped      stored nodes left alone: in mode {@link ImportMode#SKIP}, or in mode {@link ImportMode#UPDATE}
 *                     because they held the file's fields already
 * @param linksAdded   links added; links the store had already are not counted
 * @param events       events recorded
 * @param createdIds   the first ids created
 * @param updatedIds   the first ids updated
 * @param skippedIds   the first ids skipped
 * @param warnings     what was imported but deserves a look, such as a link only one of its nodes names
 * @param problems     the first problems found; when there are any, nothing was written
 * @param problemCount how many problems there were in all
 * @param linksRemoved links of the imported nodes removed because their files no longer name them (a tree
 *                     imported with mode {@link ImportMode#UPDATE})
 */
public record ImportReport(
        boolean dryRun,
        ImportMode mode,
        long created,
        long updated,
        long skipped,
        long linksAdded,
        long events,
        List<String> createdIds,
        List<String> updatedIds,
        List<String> skippedIds,
        List<ImportProblem> warnings,
        List<ImportProblem> problems,
        long problemCount,
        long linksRemoved) {

    /** How many ids and problems of each kind a report lists. */
    public static final int LISTED = 1_000;

    /**
     * Creates an {@code ImportReport}, checking and copying its components.
     *
     * @param dryRun       true when nothing was written
     * @param mode         what was done with nodes the store held already
     * @param created      nodes added
     * @param updated      stored nodes given the file's fields (mode {@link ImportMode#UPDATE}) that differed
     * @param skipped      stored nodes left alone: in mode {@link ImportMode#SKIP}, or in mode
     *                     {@link ImportMode#UPDATE} because they held the file's fields already
     * @param linksAdded   links added; links the store had already are not counted
     * @param events       events recorded
     * @param createdIds   the first ids created
     * @param updatedIds   the first ids updated
     * @param skippedIds   the first ids skipped
     * @param warnings     what was imported but deserves a look, such as a link only one of its nodes names
     * @param problems     the first problems found; when there are any, nothing was written
     * @param problemCount how many problems there were in all
     * @param linksRemoved links of the imported nodes removed because their files no longer name them (a tree
     *                     imported with mode {@link ImportMode#UPDATE})
     */
    public ImportReport {
        Objects.requireNonNull(mode, "mode");
        createdIds = List.copyOf(createdIds);
        updatedIds = List.copyOf(updatedIds);
        skippedIds = List.copyOf(skippedIds);
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
    }

    /**
     * A report of an import that removed no link.
     *
     * @param dryRun       true when nothing was written
     * @param mode         what was done with nodes the store held already
     * @param created      nodes added
     * @param updated      stored nodes given the file's fields (mode {@link ImportMode#UPDATE}) that differed
     * @param skipped      stored nodes left alone: in mode {@link ImportMode#SKIP}, or in mode
     *                     {@link ImportMode#UPDATE} because they held the file's fields already
     * @param linksAdded   links added; links the store had already are not counted
     * @param events       events recorded
     * @param createdIds   the first ids created
     * @param updatedIds   the first ids updated
     * @param skippedIds   the first ids skipped
     * @param warnings     what was imported but deserves a look, such as a link only one of its nodes names
     * @param problems     the first problems found; when there are any, nothing was written
     * @param problemCount how many problems there were in all
     */
    public ImportReport(boolean dryRun, ImportMode mode, long created, long updated, long skipped, long linksAdded,
            long events, List<String> createdIds, List<String> updatedIds, List<String> skippedIds,
            List<ImportProblem> warnings, List<ImportProblem> problems, long problemCount) {
        this(dryRun, mode, created, updated, skipped, linksAdded, events, createdIds, updatedIds, skippedIds, warnings,
                problems, problemCount, 0);
    }

    /** {@return whether the import found nothing wrong} */
    public boolean ok() {
        return problemCount == 0;
    }
}
