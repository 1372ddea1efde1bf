package dev.cairn.migrations;

import java.sql.SQLException;
import java.util.Locale;

/**
 * What Cairn reads from a SQLite driver's failure: the one definition of "the file is locked", shared by the
 * engine's migration lock and the SQLite store, which both wait and try again where it is. Only the JDK's
 * {@link SQLException} is read, so that the engine needs no driver. Stateless and thread-safe.
 */
public final class SqliteErrors {
    /** SQLite's primary result codes; an extended code keeps its primary one in the low byte. */
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private SqliteErrors() {
    }

    /**
     * Whether {@code failure} is SQLite saying that another connection holds a lock this one needs
     * ({@code SQLITE_BUSY}, {@code SQLITE_LOCKED}, or an extended code of either), so that trying again later may
     * work. The driver reports the code as the error code, and names it in the message, which is read too: a
     * pool or wrapper may keep the message and drop the code.
     *
     * @param failure the driver's exception
     * @return true when the failure is a busy or locked file
     */
    public static boolean isBusy(SQLException failure) {
        int primary = failure.getErrorCode() & 0xff;
        if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
            return true;
        }
        String message = failure.getMessage();
        if (message == null) {
            return false;
        }
        String upper = message.toUpperCase(Locale.ROOT);
        return upper.contains("SQLITE_BUSY") || upper.contains("SQLITE_LOCKED");
    }
}
