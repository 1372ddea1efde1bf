package dev.cairn.migrations.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Flyway's checksum of a SQL file, to check a Flyway history against local files: CRC-32 over the UTF-8 bytes
 * of each line without its line ending (lines as {@link BufferedReader#readLine()} splits them, so line endings
 * and blank lines do not count), a byte-order mark removed from the first line, as a signed 32-bit number.
 * Thread-safe.
 */
public final class FlywayChecksums {

    private FlywayChecksums() {
    }

    public static int of(String text) {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line;
            boolean first = true;
            while ((line = reader.readLine()) != null) {
                if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                first = false;
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return (int) crc.getValue();
    }
}
