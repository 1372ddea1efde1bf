package dev.cairn.core;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The life cycle of a node, with the transitions the rules allow. Immutable and thread-safe.
 *
 * <pre>
 * planned     → in_progress | blocked | cancelled
 * in_progress → completed | blocked | cancelled
 * blocked     → in_progress | cancelled
 * cancelled   → in_progress
 * completed   → only by an explicit reopen
 * </pre>
 */
public enum Status {
    PLANNED,
    IN_PROGRESS,
    COMPLETED,
    BLOCKED,
    CANCELLED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The name written to files and databases, such as {@code in_progress}. */
    public String wireName() {
        return wireName;
    }

    /** The statuses this one may move to by an ordinary status change. */
    public Set<Status> successors() {
        return switch (this) {
            case PLANNED -> EnumSet.of(IN_PROGRESS, BLOCKED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, BLOCKED, CANCELLED);
            case BLOCKED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case CANCELLED -> EnumSet.of(IN_PROGRESS);
            case COMPLETED -> EnumSet.noneOf(Status.class);
        };
    }

    /** Whether an ordinary status change may move from this status to {@code next}. */
    public boolean canMoveTo(Status next) {
        return successors().contains(next);
    }

    /**
     * Parses a status by its wire name or enum name, ignoring case; {@code in-progress} is accepted.
     *
     * @throws ValidationException naming the value and the accepted names when nothing matches
     */
    public static Status parse(String text) {
        return find(text).orElseThrow(() -> new ValidationException(Violation.of("status", text,
                "must be one of " + Stream.of(values()).map(Status::wireName).toList())));
    }

    /** Like {@link #parse(String)}, but empty when nothing matches. */
    public static Optional<Status> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().replace('-', '_').replace(' ', '_').toUpperCase(Locale.ROOT);
        return Stream.of(values()).filter(status -> status.name().equals(key)).findFirst();
    }
}
