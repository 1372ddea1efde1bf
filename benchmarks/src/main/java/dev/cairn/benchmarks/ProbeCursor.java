package dev.cairn.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Which of the {@link #PROBES} probe ids a benchmark thread looks up next, round the ring, so that lookups
 * do not always hit one node. Not thread-safe: one per thread.
 */
@State(Scope.Thread)
public class ProbeCursor {
    /** How many probe ids a read benchmark spreads its lookups over. */
    static final int PROBES = 1024;

    private int next;

    int next() {
        int current = next;
        next = (next + 1) % PROBES;
        return current;
    }
}
