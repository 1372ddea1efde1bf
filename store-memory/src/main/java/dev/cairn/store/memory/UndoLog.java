package dev.cairn.store.memory;

import java.util.ArrayList;
import java.util.List;

/** The inverse of every change a write transaction made, newest last. Not thread-safe. */
final class UndoLog {
    private final List<Runnable> steps = new ArrayList<>();

    void record(Runnable step) {
        steps.add(step);
    }

    /** A point to roll back to: the changes made after it are undone by {@link #rollbackTo}. */
    int mark() {
        return steps.size();
    }

    /** Undoes every change made since {@code mark}, newest first. */
    void rollbackTo(int mark) {
        for (int index = steps.size() - 1; index >= mark; index--) {
            steps.remove(index).run();
        }
    }

    /** Forgets every change: they are committed. */
    void clear() {
        steps.clear();
    }
}
