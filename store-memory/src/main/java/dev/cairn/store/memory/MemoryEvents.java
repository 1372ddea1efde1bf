package dev.cairn.store.memory;

import dev.cairn.core.Event;
import dev.cairn.core.spi.NewEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The audit trail of one memory store. Not thread-safe: guarded by the lock of its {@link MemoryState}. */
final class MemoryEvents {
    private final List<Event> all = new ArrayList<>();
    private final Map<String, List<Event>> byNode = new HashMap<>();
    /**
     * The last sequence handed out. It never goes back, not even on rollback, as a database sequence
     * does not: a rolled-back event leaves a gap, never a number given twice.
     */
    private long lastSequence;

    Event append(NewEvent event) {
        Event stored = new Event(++lastSequence, event.nodeId(), event.type(), event.at(), event.actor(),
                event.details());
        all.add(stored);
        byNode.computeIfAbsent(stored.nodeId(), key -> new ArrayList<>()).add(stored);
        return stored;
    }

    /** Removes the newest event, which must be {@code event}: the undo of {@link #append}. */
    void removeNewest(Event event) {
        Event removed = all.remove(all.size() - 1);
        if (removed != event) {
            throw new IllegalStateException("Undo out of order: expected event " + event.sequence()
                    + ", found " + removed.sequence());
        }
        List<Event> ofNode = byNode.get(event.nodeId());
        ofNode.remove(ofNode.size() - 1);
        if (ofNode.isEmpty()) {
            byNode.remove(event.nodeId());
        }
    }

    List<Event> forNode(String nodeId) {
        List<Event> events = byNode.get(nodeId);
        return events == null ? List.of() : List.copyOf(events);
    }

    List<Event> after(long afterSequence, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        int from = firstAbove(afterSequence);
        int to = (int) Math.min(all.size(), (long) from + limit);
        return List.copyOf(all.subList(from, to));
    }

    /** The index of the first event with a sequence above {@code sequence}; sequences only grow. */
    private int firstAbove(long sequence) {
        int low = 0;
        int high = all.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (all.get(middle).sequence() <= sequence) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
