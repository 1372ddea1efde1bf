package dev.cairn.migrations.internal;

import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs {@code COPY … FROM stdin} with its data through the PostgreSQL JDBC driver's copy API
 * ({@code org.postgresql.PGConnection#getCopyAPI}), on the migration's own connection and so in its transaction.
 *
 * <p>Reached by {@link Connection#unwrap} and reflection, because the engine depends on nothing but the JDK: the
 * driver the caller already has is the one used, through a pool's proxy too, with no extra artifact to add; a
 * service interface would need a second jar that every PostgreSQL user of a pg_dump file would have to find.
 * Thread-safe.
 */
final class PostgresCopy {
    private PostgresCopy() {
    }

    /** @return the number of rows copied */
    static long copyIn(Connection connection, String copySql, String data) throws SQLException {
        Class<?> pgConnection = driverInterface(connection);
        try {
            Method getCopyApi = pgConnection.getMethod("getCopyAPI");
            Object copyApi = getCopyApi.invoke(connection.unwrap(pgConnection));
            Method copyIn = getCopyApi.getReturnType().getMethod("copyIn", String.class, Reader.class);
            return (Long) copyIn.invoke(copyApi, copySql, new StringReader(data));
        } catch (InvocationTargetException failure) {
            if (failure.getCause() instanceof SQLException sqlFailure) {
                throw sqlFailure;
            }
            throw new SQLException("COPY failed: " + failure.getCause(), failure.getCause());
        } catch (ReflectiveOperationException unexpected) {
            throw new SQLException("The PostgreSQL JDBC driver of " + connection.getClass().getName()
                    + " has no usable copy API (" + unexpected + "); use pgjdbc 42 or later.", unexpected);
        }
    }

    private static Class<?> driverInterface(Connection connection) throws SQLException {
        Class<?> found = Pgjdbc.driverInterface(connection);
        if (found == null) {
            throw new SQLException("COPY … FROM stdin needs the PostgreSQL JDBC driver's copy API, and "
                    + connection.getClass().getName() + " does not wrap an " + Pgjdbc.PG_CONNECTION + ".");
        }
        return found;
    }
}
