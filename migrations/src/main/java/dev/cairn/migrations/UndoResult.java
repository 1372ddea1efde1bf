package dev.cairn.migrations;

import java.time.Duration;
import java.util.List;

/**
 * What one undo run reverted, newest first. Immutable and thread-safe.
 *
 * @param target the database or file (password masked)
 * @param undone the migrations undone, in the order they were undone
 * @param duration the time the run took
 */
public record UndoResult(String target, List<ExecutedMigration> undone, Duration duration) {

    /**
     * Copies {@code undone}, so that the result stays as it was built.
     *
     * @param target the database or file (password masked)
     * @param undone the migrations undone, in the order they were undone
     * @param duration the time the run took
     */
    public UndoResult {
        undone = List.copyOf(undone);
    }
}
