package dev.cairn.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The command line's SLF4J binding: WARN and above to the command's standard error, INFO too under
 * {@code --verbose}. Its own rather than slf4j-simple's, because slf4j-simple fixes its level and its stream
 * once per JVM, when the first logger is made, and the level here is the command's option, read after the
 * stores' classes may have loaded, and the stream is the command's, which differs for every command run in
 * one JVM. Not API: the class is public only for {@link java.util.ServiceLoader}. Thread-safe.
 */
public final class CliLogging implements SLF4JServiceProvider {
    private static volatile Level threshold = Level.WARN;
    private static volatile PrintWriter target;

    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory loggerFactory = name -> loggers.computeIfAbsent(name, CliLogger::new);
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

    /** For {@link java.util.ServiceLoader}. */
    public CliLogging() {
    }

    /** From now on, log lines go to {@code err}: INFO and above when {@code verbose}, else WARN and above. */
    static void start(PrintWriter err, boolean verbose) {
        target = err;
        threshold = verbose ? Level.INFO : Level.WARN;
    }

    /** INFO and above from now on, for the rest of the command. */
    static void verbose() {
        threshold = Level.INFO;
    }

    /** Back to WARN and above, to the process's standard error: a command is done. */
    static void stop() {
        threshold = Level.WARN;
        target = null;
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
        // Nothing to set up: the level and the stream are the command's.
    }

    private static boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    private static final class CliLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        CliLogger(String name) {
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
            StringBuilder line = new StringBuilder(level.toString()).append(' ')
                    .append(MessageFormatter.basicArrayFormat(pattern, arguments));
            if (throwable != null) {
                line.append(" (").append(throwable).append(')');
            }
            PrintWriter err = target;
            if (err != null) {
                err.println(line);
                err.flush();
            } else {
                System.err.println(line);
            }
        }
    }
}
