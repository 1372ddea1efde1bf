package dev.cairn.migrations;

import java.time.Duration;

/** Another migrator held the migration lock longer than the configured lock timeout.
 * Immutable and thread-safe. */
public class MigrationLockTimeoutException extends MigrationException {
    private static final long serialVersionUID = 1L;

    /** The database or file whose lock was not obtained. */
    private final String target;
    /** The lock timeout that elapsed. */
    private final transient Duration timeout;

    /**
     * Creates the exception without advice.
     *
     * @param target  the database or file whose lock was not obtained (password masked)
     * @param timeout the lock timeout that elapsed
     * @param cause   the database's exception, or null
     */
    public MigrationLockTimeoutException(String target, Duration timeout, Throwable cause) {
        this(target, timeout, null, cause);
    }

    /**
     * Creates the exception.
     *
     * @param target  the database or file whose lock was not obtained (password masked)
     * @param timeout the lock timeout that elapsed
     * @param advice what else may hold the lock and what to do then, appended to the message; may be null
     * @param cause   the database's exception, or null
     */
    public MigrationLockTimeoutException(String target, Duration timeout, String advice, Throwable cause) {
        super("Could not obtain the migration lock on " + target + " within " + timeout.toMillis()
                + " ms: another migrator is running. Wait for it, or raise the lock timeout (Migrator.Builder.lockTimeout,"
                + " the store property lockTimeout in milliseconds, or cairn migrate --lock-timeout 5m)."
                + (advice == null ? "" : " " + advice), cause);
        this.target = target;
        this.timeout = timeout;
    }

    /**
     * The database or file whose lock was not obtained.
     *
     * @return the target, password masked
     */
    public String target() {
        return target;
    }

    /**
     * The lock timeout that elapsed.
     *
     * @return the configured timeout
     */
    public Duration timeout() {
        return timeout;
    }
}
