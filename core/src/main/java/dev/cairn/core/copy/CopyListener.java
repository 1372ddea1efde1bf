package dev.cairn.core.copy;

/**
 * Told how far a {@link StoreCopy} has come, for a progress bar: after every few hundred items and at the
 * end of each phase. Called on the thread running the copy; it must return quickly and must not use either
 * store.
 */
@FunctionalInterface
public interface CopyListener {
    /** A listener that ignores every report. */
    CopyListener NONE = (phase, done, total) -> {
    };

    /** What a copy is doing, in the order it does it. */
    enum Phase {
        /** Copying the label definitions. */
        LABELS,
        /** Copying the nodes. */
        NODES,
        /** Copying the event log. */
        EVENTS,
        /** Copying the links. */
        LINKS,
        /** Comparing both stores. */
        VERIFY
    }

    /**
     * @param phase what is being copied or verified
     * @param done  how many items of the phase are done
     * @param total how many there are, or -1 when that is not known in advance
     */
    void progress(Phase phase, long done, long total);
}
