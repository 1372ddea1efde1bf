package dev.cairn.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Text for people with its control characters shown, not obeyed: ESC, BEL, backspace, carriage return, DEL,
 * the C1 controls and the bidirectional overrides are written as {@code \x1B} or {@code \u202E}, so that a
 * title in a plan file cannot clear a user's screen, retitle the terminal or hide text. Line feeds and tabs pass.
 * Not thread-safe.
 */
final class TerminalSafeWriter extends FilterWriter {
    private static final boolean CRLF = System.lineSeparator().indexOf('\r') >= 0;

    TerminalSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        if (unsafe(c)) {
            out.write(escaped(c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (unsafe(buffer[i])) {
                out.write(buffer, start, i - start);
                write(buffer[i]);
                start = i + 1;
            }
        }
        out.write(buffer, start, end - start);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        write(text.toCharArray(), offset, length);
    }

    /** {@code text} as this writer would write it. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            escaped.append(unsafe(c) ? escaped(c) : String.valueOf(c));
        }
        return escaped.toString();
    }

    private static String escaped(int c) {
        return String.format(c <= 0xFF ? "\\x%02X" : "\\u%04X", c);
    }

    static boolean unsafe(int c) {
        return c < 0x20 && c != '\n' && c != '\t' && !(c == '\r' && CRLF)
                || c >= 0x7F && c <= 0x9F
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }
}
