package dev.cairn.test.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of Cairn's tests: it keeps the events at INFO and above in memory, for a test to read through
 * {@link #start()}, and prints nothing, so that a test JVM neither warns of a missing binding nor fills the build's
 * output. {@code -Dcairn.test.log=debug} (or another level) also prints the events at that level and above to
 * standard error, to see what a failing test logged. Thread-safe.
 */
public final class CapturedLogs implements SLF4JServiceProvider {
    /** Kept at most, oldest dropped first: a long test JVM must not keep every line it ever logged. */
    private static final int KEPT = 20_000;
    private static final Level PRINTED = printedLevel();
    private static final Level DEFAULT = PRINTED != null && PRINTED.toInt() < Level.INFO.toInt() ? PRINTED : Level.INFO;
    private static volatile Level captured = DEFAULT;
    private static final ConcurrentLinkedDeque<Event> EVENTS = new ConcurrentLinkedDeque<>();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** The deque's size, which it counts only by walking it. */
    private static final AtomicInteger SIZE = new AtomicInteger();

    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory loggerFactory = name -> loggers.computeIfAbsent(name, CapturingLogger::new);
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new BasicMDCAdapter();

    /**
     * Keeps the events at {@code level} and above until the returned handle is closed, then goes back to INFO:
     * for a test of what is logged at DEBUG. Loggers that ask once (jOOQ's, when a class loads) keep their answer.
     */
    public static AutoCloseable atLevel(Level level) {
        captured = level;
        return () -> captured = DEFAULT;
    }

    /** One event, its message formatted. */
    public record Event(long sequence, String logger, Level level, String message, Throwable throwable) {
        /** The message and the message of every throwable in the chain, for checks on everything a line shows. */
        public String fullText() {
            StringBuilder text = new StringBuilder(message);
            for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
                text.append('\n').append(cause).append('\n');
            }
            return text.toString();
        }

        @Override
        public String toString() {
            return level + " " + logger + " - " + fullText();
        }
    }

    /** The events logged from now on, as they arrive. */
    public static Capture start() {
        return new Capture(SEQUENCE.get());
    }

    /** What was logged since {@link CapturedLogs#start()}. */
    public static final class Capture {
        private final long after;

        private Capture(long after) {
            this.after = after;
        }

        public List<Event> events() {
            List<Event> events = new ArrayList<>();
            for (Event event : EVENTS) {
                if (event.sequence() > after) {
                    events.add(event);
                }
            }
            return events;
        }

        /** The events of loggers whose name starts with {@code prefix}, such as {@code dev.cairn}. */
        public List<Event> events(String prefix) {
            return events().stream().filter(event -> event.logger().startsWith(prefix)).toList();
        }

        /** Every event's {@link Event#fullText()}, one a line. */
        public String text() {
            return text("");
        }

        /** The {@link Event#fullText()} of every event of loggers whose name starts with {@code prefix}. */
        public String text(String prefix) {
            StringBuilder text = new StringBuilder();
            events(prefix).forEach(event -> text.append(event).append('\n'));
            return text.toString();
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: events are kept in static memory.
    }

    private static Level printedLevel() {
        String level = System.getProperty("cairn.test.log");
        return level == null || level.isBlank() ? null : Level.valueOf(level.strip().toUpperCase(Locale.ROOT));
    }

    private static boolean enabled(Level level) {
        return level.toInt() >= captured.toInt();
    }

    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable throwable) {
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            Event event = new Event(SEQUENCE.incrementAndGet(), name, level, String.valueOf(message), throwable);
            EVENTS.add(event);
            if (SIZE.incrementAndGet() > KEPT && EVENTS.pollFirst() != null) {
                SIZE.decrementAndGet();
            }
            if (PRINTED != null && level.toInt() >= PRINTED.toInt()) {
                System.err.println(event);
            }
        }
    }
}
