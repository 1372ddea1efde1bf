package dev.cairn.store.postgres;

import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for a server that is not up yet: tries to connect, backing off from 100 ms to 5 s between tries,
 * until a timeout has passed. A refusal that waiting cannot mend (a wrong password, a missing database)
 * fails at once. Stateless and thread-safe.
 */
final class FirstConnection {
    private static final Logger LOG = LoggerFactory.getLogger(FirstConnection.class);

    /** Makes a connection; the caller's {@link javax.sql.DataSource#getConnection} or the driver's. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    private FirstConnection() {
    }

    static void await(Connector connector, Duration timeout, String maskedUrl) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long pause = 100;
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                connector.connect().close();
                if (attempts > 1) {
                    LOG.info("Connected to the PostgreSQL store {} after {} attempts in {} ms", maskedUrl, attempts,
                            (System.nanoTime() - started) / 1_000_000);
                }
                return;
            } catch (SQLException failure) {
                if (!worthWaiting(failure)) {
                    throw new StoreConfigurationException("PostgreSQL refused the store " + maskedUrl + ": "
                            + failure.getMessage() + ". Check the user, password, database and SSL settings in the url.",
                            failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new StoreException("Cannot connect to the PostgreSQL store " + maskedUrl + " after "
                            + attempts + " attempt(s) in " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                            + " ms: " + failure.getMessage() + ". Check that the server runs and the url names it; "
                            + "connectTimeout (milliseconds) sets how long to keep trying.", failure);
                }
                if (attempts == 1) {
                    LOG.info("Cannot connect to the PostgreSQL store {} yet ({}); trying again for up to {} ms",
                            maskedUrl, failure.getMessage(), timeout.toMillis());
                } else {
                    LOG.debug("Connecting to {} failed, trying again in {} ms: {}", maskedUrl, pause,
                            failure.getMessage());
                }
                sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
                pause = Math.min(pause * 2, 5_000);
            }
        }
    }

    /**
     * Whether waiting may help: no connection (08), the server starting up or shutting down (57P03, 57P01),
     * too many connections for now (53300). Authentication (28), a missing database (3D000) and a connection the
     * server rejects as asked (08004: {@code sslmode=require} against a server without SSL) are final.
     */
    private static boolean worthWaiting(SQLException failure) {
        String state = failure.getSQLState();
        return state == null || state.startsWith("08") && !state.equals("08004") || state.startsWith("57P")
                || state.equals("53300");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for the PostgreSQL server", interrupted);
        }
    }
}
