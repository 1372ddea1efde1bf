package dev.cairn.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Columns aligned for people: each as wide as its widest cell, two spaces apart, the last one not padded
 * (so that long titles do not push trailing blanks). Not thread-safe.
 */
final class Table {
    private final String[] headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();
    private boolean showHeader = true;

    Table(String... headers) {
        this.headers = headers.clone();
        this.rightAligned = new boolean[headers.length];
    }

    /** Aligns the given columns to the right, as numbers are. */
    Table alignRight(int... columns) {
        for (int column : columns) {
            rightAligned[column] = true;
        }
        return this;
    }

    /** Leaves the header line out, as a list of keys and values needs none. */
    Table withoutHeader() {
        showHeader = false;
        return this;
    }

    Table row(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("Expected " + headers.length + " cells, got " + Arrays.toString(cells));
        }
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = cells[i] == null ? "" : oneLine(String.valueOf(cells[i]));
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out) {
        print(out, "");
    }

    /** Prints every line after {@code indent}. */
    void print(PrintWriter out, String indent) {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = showHeader ? headers[i].length() : 0;
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        if (showHeader) {
            line(text, indent, headers, widths);
        }
        for (String[] row : rows) {
            line(text, indent, row, widths);
        }
        out.print(text);
    }

    private void line(StringBuilder text, String indent, String[] cells, int[] widths) {
        text.append(indent);
        int start = text.length();
        for (int i = 0; i < cells.length; i++) {
            boolean last = i == cells.length - 1;
            String cell = cells[i];
            int padding = widths[i] - cell.length();
            if (rightAligned[i]) {
                text.append(" ".repeat(padding)).append(cell);
            } else {
                text.append(cell);
                if (!last) {
                    text.append(" ".repeat(padding));
                }
            }
            if (!last) {
                text.append("  ");
            }
        }
        // A row whose last cells are empty would end in blanks.
        int end = text.length();
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        text.setLength(end);
        text.append('\n');
    }

    /** Line breaks and tabs in a cell would break the columns. */
    private static String oneLine(String text) {
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0 ? text
                : text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
