package dev.cairn.migrations;

import java.util.List;

/**
 * What {@code repair} changed in the history table. Immutable and thread-safe.
 *
 * @param removedFailedRows the failed rows removed, as {@code module version script}
 * @param realignedChecksums the applied migrations whose stored checksum now matches the local file
 */
public record RepairResult(List<String> removedFailedRows, List<String> realignedChecksums) {

    /**
     * Copies both lists, so that the result stays as it was built.
     *
     * @param removedFailedRows the failed rows removed, as {@code module version script}
     * @param realignedChecksums the applied migrations whose stored checksum now matches the local file
     */
    public RepairResult {
        removedFailedRows = List.copyOf(removedFailedRows);
        realignedChecksums = List.copyOf(realignedChecksums);
    }
}
