package dev.cairn.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A migration version such as {@code 1}, {@code 1.1} or {@code 2024.03.01}; parts compare numerically and
 * trailing zero parts are dropped, so {@code 1.0} equals {@code 1}. Immutable and thread-safe.
 *
 * @param parts the numeric parts, without trailing zeros (at least one part)
 */
public record MigrationVersion(List<Long> parts) implements Comparable<MigrationVersion> {

    /**
     * Drops trailing zero parts.
     *
     * @param parts the numeric parts, without trailing zeros (at least one part)
     * @throws MigrationConfigurationException when {@code parts} is empty
     */
    public MigrationVersion {
        List<Long> trimmed = new ArrayList<>(parts);
        while (trimmed.size() > 1 && trimmed.get(trimmed.size() - 1) == 0L) {
            trimmed.remove(trimmed.size() - 1);
        }
        if (trimmed.isEmpty()) {
            throw new MigrationConfigurationException("A migration version needs at least one part.");
        }
        parts = List.copyOf(trimmed);
    }

    /**
     * Parses {@code 1}, {@code 1.2} or {@code 1_2} (Flyway's file-name spelling of {@code 1.2}).
     *
     * @param text the version as written
     * @return the version
     * @throws MigrationConfigurationException when the text is no version
     */
    public static MigrationVersion parse(String text) {
        if (text == null || !text.matches("\\d+([._]\\d+)*")) {
            throw new MigrationConfigurationException("Invalid migration version '" + text
                    + "': expected numbers separated by '.' or '_', such as 1, 1.1 or 2024_03_01.");
        }
        List<Long> parts = new ArrayList<>();
        for (String part : text.split("[._]")) {
            try {
                parts.add(Long.parseLong(part));
            } catch (NumberFormatException tooLarge) {
                throw new MigrationConfigurationException("Invalid migration version '" + text
                        + "': part '" + part + "' is larger than " + Long.MAX_VALUE + ".");
            }
        }
        return new MigrationVersion(parts);
    }

    @Override
    public int compareTo(MigrationVersion other) {
        int length = Math.max(parts.size(), other.parts.size());
        for (int index = 0; index < length; index++) {
            long mine = index < parts.size() ? parts.get(index) : 0L;
            long theirs = index < other.parts.size() ? other.parts.get(index) : 0L;
            int order = Long.compare(mine, theirs);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return parts.stream().map(String::valueOf).collect(Collectors.joining("."));
    }
}
