package dev.cairn.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a YAML file, refused as soon as one line passes a limit. SnakeYAML scans a long line in time that
 * grows with the square of its length (a 10 MB value took 40 s) before any limit on the value is checked; no
 * value within {@link Codecs#MAX_STRING} needs a longer line, so a longer one is refused at once, whatever the
 * file's size. Decodes UTF-8, or UTF-16 when the file starts with its byte-order mark; bytes that are no text
 * are an error naming their line, never replaced. Not thread-safe.
 */
final class LineLimitReader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final int limit;
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024).flip();
    private boolean endOfInput;
    private boolean flushed;
    private int line = 1;
    private int column;

    /** A line that passed the limit, with its number. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        final int line;

        LineTooLongException(int line, int limit) {
            super("line " + line + " is longer than " + limit + " characters");
            this.line = line;
        }
    }

    /** Bytes that are no text in the file's encoding, with the line they are on. */
    static final class NotTextException extends IOException {
        private static final long serialVersionUID = 1L;

        final int line;

        NotTextException(int line, Charset charset) {
            super("line " + line + " holds bytes that are not " + charset.name() + " text");
            this.line = line;
        }
    }

    private LineLimitReader(InputStream in, Charset charset, int limit) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.limit = limit;
    }

    static LineLimitReader of(InputStream in, int limit) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        Charset charset = first == 0xFE && second == 0xFF ? StandardCharsets.UTF_16BE
                : first == 0xFF && second == 0xFE ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8;
        return new LineLimitReader(buffered, charset, limit);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int count = Math.min(length, chars.remaining());
        chars.get(buffer, offset, count);
        for (int i = offset; i < offset + count; i++) {
            count(buffer[i]);
        }
        return count;
    }

    /** Decodes more text; false at the end. Text before bad bytes is given out first, then they are an error. */
    private boolean fill() throws IOException {
        chars.clear();
        while (chars.position() == 0 && !flushed) {
            if (!bytes.hasRemaining() && !endOfInput) {
                bytes.compact();
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                if (chars.position() > 0) {
                    break;
                }
                throw new NotTextException(line, decoder.charset());
            }
            if (endOfInput && result.isUnderflow()) {
                decoder.flush(chars);
                flushed = true;
            }
        }
        chars.flip();
        return chars.hasRemaining();
    }

    private void count(char c) throws LineTooLongException {
        if (c == '\n') {
            line++;
            column = 0;
        } else if (++column > limit) {
            throw new LineTooLongException(line, limit);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The failure of this reader's among {@code failure} and its causes, or null. */
    static IOException ownFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LineTooLongException || cause instanceof NotTextException) {
                return (IOException) cause;
            }
        }
        return null;
    }
}
