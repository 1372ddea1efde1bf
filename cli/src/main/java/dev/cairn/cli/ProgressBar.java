package dev.cairn.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, drawn over itself, for a person at a terminal; nothing at all when the
 * output goes elsewhere. Thread-safe: workers report as they finish.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final int total;
    private final String what;
    private int done;
    private int lastLength;

    ProgressBar(PrintWriter err, boolean enabled, int total, String what) {
        this.err = err;
        this.enabled = enabled && total > 1;
        this.total = total;
        this.what = what;
        draw("");
    }

    /** One more item is done. */
    synchronized void step(String item) {
        done++;
        draw(item);
    }

    private synchronized void draw(String item) {
        if (!enabled) {
            return;
        }
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String line = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + what
                + (item.isEmpty() ? "" : ": " + shorten(item));
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
