package dev.cairn.core.run;

import java.util.HexFormat;
import java.util.Objects;

/**
 * What a run found at one artifact path its Command declared: a regular file with its size and SHA-256, or
 * nothing. A missing artifact is a finding too ("declared but not produced"). Immutable and thread-safe.
 *
 * @param path      the path as the spec declares it, relative to the base folder of the run
 * @param present   whether a regular file was there when the run ended
 * @param sizeBytes its size, {@code null} when missing
 * @param sha256    its SHA-256 in lower-case hex, {@code null} when missing
 */
public record ArtifactCheck(String path, boolean present, Long sizeBytes, String sha256) {
    /**
     * Creates an {@code ArtifactCheck}, checking its components.
     *
     * @param path      the path as the spec declares it, relative to the base folder of the run
     * @param present   whether a regular file was there when the run ended
     * @param sizeBytes its size, {@code null} when missing
     * @param sha256    its SHA-256 in lower-case hex, {@code null} when missing
     */
    public ArtifactCheck {
        Objects.requireNonNull(path, "path");
        if (present) {
            Objects.requireNonNull(sizeBytes, "sizeBytes of a present artifact");
            Objects.requireNonNull(sha256, "sha256 of a present artifact");
            if (sizeBytes < 0) {
                throw new IllegalArgumentException("sizeBytes is negative: " + sizeBytes);
            }
            if (sha256.length() != 64 || !sha256.chars().allMatch(c -> HexFormat.isHexDigit(c) && !Character.isUpperCase(c))) {
                throw new IllegalArgumentException("sha256 is not 64 lower-case hex digits: " + sha256);
            }
        } else if (sizeBytes != null || sha256 != null) {
            throw new IllegalArgumentException("A missing artifact has no size or hash: " + path);
        }
    }

    /**
     * A file found at {@code path}.
     *
     * @param path      the path as the spec declares it, relative to the base folder of the run
     * @param sizeBytes its size
     * @param sha256    its SHA-256 in lower-case hex
     * @return the check of a file that is there
     */
    public static ArtifactCheck present(String path, long sizeBytes, String sha256) {
        return new ArtifactCheck(path, true, sizeBytes, sha256);
    }

    /**
     * Nothing found at {@code path}.
     *
     * @param path the path as the spec declares it, relative to the base folder of the run
     * @return the check of a file that is not there
     */
    public static ArtifactCheck missing(String path) {
        return new ArtifactCheck(path, false, null, null);
    }
}
