package dev.cairn.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes written to a {@link Writer}: what lets an export stream to the command's output, which is a
 * writer, without holding the whole plan. A character split across writes is kept until its last byte comes.
 * Not thread-safe.
 */
final class WriterOutputStream extends OutputStream {
    private final Writer writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    WriterOutputStream(Writer writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int offset = off;
        int remaining = len;
        while (remaining > 0) {
            int taken = Math.min(remaining, bytes.remaining());
            bytes.put(b, offset, taken);
            offset += taken;
            remaining -= taken;
            decode(false);
        }
    }

    private void decode(boolean endOfInput) throws IOException {
        bytes.flip();
        CoderResult result;
        do {
            result = decoder.decode(bytes, chars, endOfInput);
            chars.flip();
            writer.append(chars);
            chars.clear();
        } while (result.isOverflow());
        bytes.compact();
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
    }

    /** Writes what is left and flushes; the writer stays open, as it is the command's output. */
    @Override
    public void close() throws IOException {
        decode(true);
        decoder.flush(chars);
        chars.flip();
        writer.append(chars);
        chars.clear();
        writer.flush();
    }
}
