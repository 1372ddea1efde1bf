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
    /** Not started; {@code planned} on the wire. */
    PLANNED,
    /** Being worked on; {@code in_progress} on the wire. */
    IN_PROGRESS,
    /** Done; {@code completed} on the wire. */
    COMPLETED,
    /** Waiting on something; {@code blocked} on the wire. */
    BLOCKED,
    /** Given up; {@code cancelled} on the wire. */
    CANCELLED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** {@return the name written to files and databases, such as {@code in_progress}} */
    public String wireName() {
        return wireName;
    }

    /** {@return the statuses this one may move to by an ordinary status change} */
    public Set<Status> successors() {
        return switch (this) {
            case PLANNED -> EnumSet.of(IN_PROGRESS, BLOCKED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, BLOCKED, CANCELLED);
            case BLOCKED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case CANCELLED -> EnumSet.of(IN_PROGRESS);
            case COMPLETED -> EnumSet.noneOf(Status.class);
        };
    }

    /**
     * Whether an ordinary status change may move from this status to {@code next}.
     *
     * @param next the status to move to
     * @return whether the transition table allows it
     */
    public boolean canMoveTo(Status next) {
        return successors().contains(next);
    }

    /**
     * Parses a status by its wire name or enum name, ignoring case; {@code in-progress} is accepted.
     *
     * @param text a status's name
     * @return the status
     * @throws ValidationException naming the value and the accepted names when nothing matches
     */
    public static Status parse(String text) {
        return find(text).orElseThrow(() -> new ValidationException(Violation.of("status", text,
                "must be one of " + Stream.of(values()).map(Status::wireName).toList())));
    }

    /**
     * Like {@link #parse(String)}, but empty when nothing matches.
     *
     * @param text a status's name
     * @return the status, or empty
     */
    public static Optional<Status> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().replace('-', '_').replace(' ', '_').toUpperCase(Locale.ROOT);
        return Stream.of(values()).filter(status -> status.name().equals(key)).findFirst();
    }
}
