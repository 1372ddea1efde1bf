package dev.cairn.core.copy;

import dev.cairn.core.io.ImportMode;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link StoreCopy} wrote, and what the verification after it found. Immutable and thread-safe.
 *
 * @param source        the source's URL, password masked
 * @param target        the target's URL, password masked
 * @param mode          what was done with nodes the target held already
 * @param nodesCopied   nodes restored into the target as the source holds them
 * @param nodesSkipped  nodes the target held already and kept ({@link ImportMode#SKIP})
 * @param nodesUpdated  nodes the target held already and were given the source's fields
 *                      ({@link ImportMode#UPDATE}); those alike already are counted too
 * @param linksCopied   links added
 * @param linksSkipped  links the target held already
 * @param labelsCopied  labels defined in the target with the source's description
 * @param eventsCopied  events appended to the target's log, in the source's order
 * @param eventsSkipped events left out: the history of nodes the target held already
 * @param verification  the comparison of both stores after the copy, or null when it was not asked for
 * @param duration      how long the copy took, its verification included
 */
public record CopyResult(
        String source,
        String target,
        ImportMode mode,
        long nodesCopied,
        long nodesSkipped,
        long nodesUpdated,
        long linksCopied,
        long linksSkipped,
        long labelsCopied,
        long eventsCopied,
        long eventsSkipped,
        Verification verification,
        Duration duration) {

    /**
     * Creates a {@code CopyResult}, checking its components.
     *
     * @param source        the source's URL, password masked
     * @param target        the target's URL, password masked
     * @param mode          what was done with nodes the target held already
     * @param nodesCopied   nodes restored into the target as the source holds them
     * @param nodesSkipped  nodes the target held already and kept ({@link ImportMode#SKIP})
     * @param nodesUpdated  nodes the target held already and were given the source's fields
     *                      ({@link ImportMode#UPDATE}); those alike already are counted too
     * @param linksCopied   links added
     * @param linksSkipped  links the target held already
     * @param labelsCopied  labels defined in the target with the source's description
     * @param eventsCopied  events appended to the target's log, in the source's order
     * @param eventsSkipped events left out: the history of nodes the target held already
     * @param verification  the comparison of both stores after the copy, or null when it was not asked for
     * @param duration      how long the copy took, its verification included
     */
    public CopyResult {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(duration, "duration");
    }

    /** {@return whether the copy was verified and the target found to hold exactly what the source holds} */
    public boolean ok() {
        return verification != null && verification.ok();
    }
}
