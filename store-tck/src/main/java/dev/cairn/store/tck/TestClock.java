package dev.cairn.store.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, so that every date Cairn stamps is known exactly.
 * Thread-safe.
 */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> now;

    /**
     * A clock standing at {@code start}, in UTC.
     *
     * @param start the time it stands at
     */
    public TestClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /**
     * Moves the clock forward by {@code step} and returns the new time.
     *
     * @param step how far to move it
     * @return the time it then shows
     */
    public Instant advance(Duration step) {
        return now.updateAndGet(instant -> instant.plus(step));
    }

    /**
     * Moves the clock to {@code instant}.
     *
     * @param instant the time it then shows
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock itself: it has one zone only, and sharing it keeps every view in step. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public String toString() {
        return "TestClock[" + now.get() + "]";
    }
}
