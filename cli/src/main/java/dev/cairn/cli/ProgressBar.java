package dev.cairn.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, drawn over itself, for a person at a terminal; nothing at all when the
 * output goes elsewhere. When the total is not known in advance ({@code -1}) it counts instead of filling a bar.
 * Thread-safe: workers report as they finish.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    /** Redraw a count at most this often: a copy may report every few hundred items. */
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private long total;
    private String what;
    private long done;
    private int lastLength;
    private long lastDrawn;

    /**
     * @param total how many items there are; -1 when not known in advance. A known total of one or none draws
     *              nothing: a single item's result follows at once.
     */
    ProgressBar(PrintWriter err, boolean enabled, long total, String what) {
        this.err = err;
        this.enabled = enabled && (total < 0 || total > 1);
        this.total = total;
        this.what = what;
        draw("");
    }

    /** One more item is done. */
    synchronized void step(String item) {
        done++;
        draw(item);
    }

    /** {@code done} of {@code total} items (-1: not known) of {@code what} are done, as a long task reports it. */
    synchronized void at(String what, long done, long total) {
        boolean phaseChanged = !what.equals(this.what);
        this.what = what;
        this.done = done;
        this.total = total;
        long now = System.nanoTime();
        if (phaseChanged || now - lastDrawn >= REDRAW_NANOS || total >= 0 && done >= total) {
            draw("");
        }
    }

    private synchronized void draw(String item) {
        if (!enabled) {
            return;
        }
        lastDrawn = System.nanoTime();
        String line;
        if (total < 0) {
            line = what + ": " + done;
        } else {
            int filled = total == 0 ? WIDTH : (int) (Math.min(done, total) * WIDTH / total);
            line = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + what
                    + (item.isEmpty() ? "" : ": " + shorten(item));
        }
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    /** Clears the line, so that the results print on a clean one. */
    @Override
    public synchronized void close() {
        if (enabled) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
        }
    }

    private static String shorten(String item) {
        return item.length() <= 40 ? item : "..." + item.substring(item.length() - 37);
    }
}
