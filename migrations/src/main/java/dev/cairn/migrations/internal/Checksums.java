package dev.cairn.migrations.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over the text with a leading byte-order mark removed and every line ending (CRLF, CR) made LF:
 * a file checked out with other line endings keeps its checksum, a joined or split line does not.
 * Thread-safe.
 */
public final class Checksums {
    public static final String ALGORITHM = "SHA-256/normalized-v1";

    private Checksums() {
    }

    public static String of(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(normalize(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JDK has SHA-256", impossible);
        }
    }

    static String normalize(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.replace("\r\n", "\n").replace('\r', '\n');
    }
}
