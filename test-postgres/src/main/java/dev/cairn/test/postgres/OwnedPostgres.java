package dev.cairn.test.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * A PostgreSQL server a test owns alone, so that it may stop and restart it: same data folder, same port,
 * the data kept across restarts. Always the embedded binaries, even when {@code CAIRN_TEST_PG_URL} names a
 * shared server, which a test must not stop. Not thread-safe: one test drives it.
 */
public final class OwnedPostgres implements AutoCloseable {
    private final Path dataDirectory;
    private EmbeddedPostgres server;
    private int port;

    private OwnedPostgres(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Starts a new server whose files live in {@code dataDirectory} (an empty or missing folder). */
    public static OwnedPostgres start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /** Starts a new server on {@code port} (0: any free one) with its files in {@code dataDirectory}. */
    public static OwnedPostgres start(Path dataDirectory, int port) {
        OwnedPostgres owned = new OwnedPostgres(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        owned.server = PostgresServer.start(builder);
        owned.port = owned.server.getPort();
        return owned;
    }

    /** A TCP port nothing listens on at the moment of asking. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The port it listens on, the same after a restart. */
    public int port() {
        return port;
    }

    /** Cairn's URL of a store in {@code schema} of the default database. */
    public String cairnUrl(String schema) {
        return "postgresql://localhost:" + port + "/postgres?user=postgres&schema=" + schema;
    }

    /** A JDBC URL with credentials, in the default database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** Stops the server (a fast shutdown: open connections are cut), keeping its files. */
    public void stop() {
        if (server != null) {
            PostgresServer.closeQuietly(server);
            server = null;
        }
    }

    /** Starts the stopped server again, on the same port and files. */
    public void restart() {
        if (server != null) {
            throw new IllegalStateException("The server is running");
        }
        server = PostgresServer.start(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port));
    }

    public boolean running() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
    }
}
