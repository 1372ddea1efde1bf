package dev.cairn.core.io;

/**
 * A set of ids held as 128-bit fingerprints in two flat arrays: a million ids take 32 MB at most, where a
 * set of strings takes three times that. Two ids share a fingerprint with a chance near 2<sup>-128</sup> per
 * pair, which no plan meets; were it to happen, the store's own keys would still refuse what is wrong, and the
 * import would write nothing. Not thread-safe.
 */
final class IdSet {
    private long[] high = new long[1 << 10];
    private long[] low = new long[1 << 10];
    private int size;

    /** Adds {@code id}; false when it was there. */
    boolean add(String id) {
        long h = hash(id, 0x9E3779B97F4A7C15L);
        long l = hash(id, 0xC2B2AE3D27D4EB4FL) | 1; // never 0: 0 marks an empty slot
        int slot = find(h, l);
        if (low[slot] != 0) {
            return false;
        }
        high[slot] = h;
        low[slot] = l;
        if (++size * 2 > low.length) {
            grow();
        }
        return true;
    }

    boolean contains(String id) {
        long h = hash(id, 0x9E3779B97F4A7C15L);
        long l = hash(id, 0xC2B2AE3D27D4EB4FL) | 1;
        return low[find(h, l)] != 0;
    }

    int size() {
        return size;
    }

    private int find(long h, long l) {
        int mask = low.length - 1;
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (low[slot] != 0 && (low[slot] != l || high[slot] != h)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        high = new long[oldLow.length * 2];
        low = new long[oldLow.length * 2];
        for (int i = 0; i < oldLow.length; i++) {
            if (oldLow[i] != 0) {
                int slot = find(oldHigh[i], oldLow[i]);
                high[slot] = oldHigh[i];
                low[slot] = oldLow[i];
            }
        }
    }

    /** A 64-bit hash of the id's characters, mixed as SplitMix64 mixes, seeded. */
    private static long hash(String id, long seed) {
        long h = seed ^ id.length();
        for (int i = 0; i < id.length(); i++) {
            h = mix(h + id.charAt(i) * 0xBF58476D1CE4E5B9L);
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
