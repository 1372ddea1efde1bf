package dev.cairn.runner;

import dev.cairn.core.run.ArtifactCheck;
import dev.cairn.core.run.CommandRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The files of a run: the end of its log, and what is at each artifact path. Thread-safe: no state. */
final class RunFiles {
    private RunFiles() {
    }

    /**
     * The last {@link CommandRun#MAX_TAIL_BYTES} bytes of {@code log} as text: decoded as UTF-8 from the first
     * whole character (bytes that cannot be read become U+FFFD), NUL characters left out, since PostgreSQL
     * text cannot hold them. Empty when there is no log.
     */
    static String tail(Path log) throws IOException {
        if (log == null || !Files.isRegularFile(log)) {
            return "";
        }
        // RandomAccessFile, not a FileChannel: an interrupt of the runner must not cost the run its output.
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long size = file.length();
            int length = (int) Math.min(size, CommandRun.MAX_TAIL_BYTES);
            byte[] bytes = new byte[length];
            file.seek(size - length);
            file.readFully(bytes);
            int start = 0;
            // A cut inside a character leaves continuation bytes (10xxxxxx) first: skip them.
            while (size > length && start < Math.min(length, 3) && (bytes[start] & 0xC0) == 0x80) {
                start++;
            }
            String text = new String(bytes, start, length - start, StandardCharsets.UTF_8).replace("\0", "");
            return withinBytes(text, CommandRun.MAX_TAIL_BYTES);
        }
    }

    /**
     * The end of {@code text} that is at most {@code limit} bytes in UTF-8: bytes that were no UTF-8 became
     * U+FFFD, three bytes each, so a binary tail may have grown.
     */
    static String withinBytes(String text, int limit) {
        int bytes = 0;
        int start = text.length();
        while (start > 0) {
            int codePoint = text.codePointBefore(start);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > limit) {
                break;
            }
            bytes += size;
            start -= Character.charCount(codePoint);
        }
        return text.substring(start);
    }

    /** What is at {@code file}, declared as {@code path}: a regular file's size and SHA-256, or missing. */
    static ArtifactCheck check(String path, Path file) {
        if (!Files.isRegularFile(file)) {
            return ArtifactCheck.missing(path);
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
                size += read;
            }
            return ArtifactCheck.present(path, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException unreadable) {
            // A file the runner cannot read is no artifact it can vouch for.
            return ArtifactCheck.missing(path);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform has SHA-256", impossible);
        }
    }

    /**
     * {@code relative} resolved against {@code base}, or {@code null} when it is absolute, leads outside it (after
     * {@code ..} are resolved), or passes through a symbolic link that leads outside it (or nowhere yet, since
     * where it will lead cannot be told). Links that stay inside are followed. Read again each time it is asked:
     * a command may have made a link since.
     */
    static Path inside(Path base, String relative) {
        Path given;
        try {
            given = Path.of(relative);
        } catch (RuntimeException invalid) {
            return null;
        }
        if (given.isAbsolute()) {
            return null;
        }
        Path resolved = base.resolve(given).normalize();
        if (!resolved.startsWith(base)) {
            return null;
        }
        Path realBase;
        try {
            realBase = base.toRealPath();
        } catch (IOException noBase) {
            return resolved; // nothing exists there yet, so no link can lead out
        }
        Path current = realBase;
        for (Path name : base.relativize(resolved)) {
            if (name.toString().isEmpty()) {
                continue;
            }
            Path next = current.resolve(name);
            if (Files.isSymbolicLink(next)) {
                try {
                    next = next.toRealPath();
                } catch (IOException dangling) {
                    return null;
                }
                if (!next.startsWith(realBase)) {
                    return null;
                }
            } else if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                return resolved; // the rest is yet to be made
            }
            current = next;
        }
        return resolved;
    }
}
