package dev.cairn.core.run;

import java.time.Instant;
import java.util.Objects;

/**
 * The claim of one runner on one Command node: while it lasts, no other runner starts that Command. A runner
 * renews it before it expires and deletes it when done; one that crashed leaves it to expire, after which
 * another runner takes it over. Immutable and thread-safe.
 *
 * @param commandId  the Command node
 * @param holder     who holds it: host, process id and a random part
 * @param acquiredAt when it was taken (or last taken over)
 * @param expiresAt  when it lapses unless renewed; after {@code acquiredAt}
 */
public record CommandLease(String commandId, String holder, Instant acquiredAt, Instant expiresAt) {
    /**
     * Creates a {@code CommandLease}, checking its components.
     *
     * @param commandId  the Command node
     * @param holder     who holds it: host, process id and a random part
     * @param acquiredAt when it was taken (or last taken over)
     * @param expiresAt  when it lapses unless renewed; after {@code acquiredAt}
     */
    public CommandLease {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(acquiredAt, "acquiredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (holder.isEmpty()) {
            throw new IllegalArgumentException("holder is empty");
        }
        if (!expiresAt.isAfter(acquiredAt)) {
            throw new IllegalArgumentException("A lease must expire after it is acquired: " + acquiredAt + " → " + expiresAt);
        }
    }

    /**
     * Whether it has lapsed at {@code now}: another runner may take it over.
     *
     * @param now the time to check at
     * @return whether the lease has lapsed
     */
    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
