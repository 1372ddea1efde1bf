package dev.cairn.test.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.TestAbortedException;

/**
 * A real PgBouncer in {@code pool_mode = transaction} in front of the test server of {@link PostgresServer}, for
 * the tests of Cairn behind a transaction-pooling proxy: a config file in a temporary folder, a free port on
 * 127.0.0.1, {@code auth_type = trust}, and few server connections, so that clients really share them. Tests
 * start and stop it themselves, or share one per JVM ({@link #shared()}).
 *
 * <p>The {@code pgbouncer} binary is the one {@code CAIRN_TEST_PGBOUNCER} names, else looked for on the PATH and
 * in the sbin folders. Without it a test is
 * skipped, saying how to install it, unless the environment variable {@code CI} is {@code true}: there a missing
 * proxy fails the test, so that CI never passes without having run it, unless {@code .ci/run} found it could not
 * install one on that machine and said so ({@code CAIRN_TEST_PGBOUNCER_OPTIONAL=true}): then the tests are
 * skipped, as outside CI, and the build's output says why. Thread-safe.
 */
public final class PgBouncer implements AutoCloseable {
    /** The environment variable naming the binary to use, where it is not on the PATH. */
    public static final String BINARY_VARIABLE = "CAIRN_TEST_PGBOUNCER";

    /** How to get the binary, for the messages. */
    public static final String INSTALL = "install it with 'apt-get install -y pgbouncer' (Debian, Ubuntu), 'dnf"
            + " install pgbouncer' or 'brew install pgbouncer', or put the folder of a pgbouncer binary on the PATH";

    /** Server connections per database and user: fewer than a store's pool, so that clients share them. */
    static final int SERVER_CONNECTIONS = 8;

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]*)(?:\\?(.*))?");
    private static PgBouncer shared;
    private static volatile boolean toldMissing;

    private final Process process;
    private final Path folder;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    private PgBouncer(Process process, Path folder, int port, String database, String user, String password) {
        this.process = process;
        this.folder = folder;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /** The proxy all tests of this JVM share, started on first use and stopped when the JVM exits. */
    public static synchronized PgBouncer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /**
     * A new proxy in front of the test server; the caller closes it.
     *
     * @throws TestAbortedException when no {@code pgbouncer} binary is found, outside CI
     * @throws IllegalStateException when none is found under {@code CI=true}, or it does not start
     */
    public static PgBouncer start() {
        return start(SERVER_CONNECTIONS);
    }

    /**
     * A new proxy in front of the test server keeping at most {@code serverConnections} server connections, which
     * all its clients share; the caller closes it.
     *
     * @throws TestAbortedException when no {@code pgbouncer} binary is found, outside CI
     * @throws IllegalStateException when none is found under {@code CI=true}, or it does not start
     */
    public static PgBouncer start(int serverConnections) {
        Path binary = requireBinary();
        Matcher server = JDBC_URL.matcher(PostgresServer.jdbcUrl());
        if (!server.matches()) {
            throw new IllegalStateException("Cannot put PgBouncer in front of " + PostgresServer.jdbcUrl()
                    + ": expected jdbc:postgresql://HOST[:PORT]/DATABASE?user=...&password=...");
        }
        String host = server.group(1).equals("localhost") ? "127.0.0.1" : server.group(1);
        String serverPort = server.group(2) == null ? "5432" : server.group(2);
        String database = server.group(3);
        String user = parameter(server.group(4), "user", System.getProperty("user.name"));
        String password = parameter(server.group(4), "password", "");
        try {
            Path folder = Files.createTempDirectory("cairn-pgbouncer");
            int port = freePort();
            Path users = folder.resolve("users.txt");
            Files.writeString(users, "\"" + user + "\" \"\"\n");
            Path config = folder.resolve("pgbouncer.ini");
            Files.writeString(config, String.join("\n",
                    "[databases]",
                    "* = host=" + host + " port=" + serverPort + " user=" + user
                            + (password.isEmpty() ? "" : " password=" + password),
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = trust",
                    "auth_file = " + users,
                    "pool_mode = transaction",
                    "default_pool_size = " + serverConnections,
                    "max_client_conn = 1000",
                    // pgjdbc sends it at start-up; PgBouncer refuses start-up parameters it does not know.
                    "ignore_startup_parameters = extra_float_digits",
                    "logfile = " + folder.resolve("pgbouncer.log"),
                    "pidfile = " + folder.resolve("pgbouncer.pid"),
                    ""));
            List<String> command = new ArrayList<>(List.of(binary.toString()));
            if ("root".equals(System.getProperty("user.name"))) {
                // PgBouncer refuses to run as root; it drops to this user, which must read the folder and write it.
                command.addAll(List.of("-u", Files.readString(Path.of("/etc/passwd")).contains("\npostgres:")
                        ? "postgres" : "nobody"));
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
            }
            command.add(config.toString());
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(folder.resolve("pgbouncer.out").toFile()).start();
            } catch (IOException notStarted) {
                deleteQuietly(folder);
                throw notStarted;
            }
            PgBouncer bouncer = new PgBouncer(process, folder, port, database, user, password);
            // Stopped with the JVM too, should a test not get to close it.
            Runtime.getRuntime().addShutdownHook(new Thread(bouncer::close, "pgbouncer-stop"));
            bouncer.awaitListening(Duration.ofSeconds(20));
            return bouncer;
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot start PgBouncer: " + failure.getMessage(), failure);
        }
    }

    /** The binary, or the test's end: skipped outside CI, failed under {@code CI=true}. */
    static Path requireBinary() {
        Optional<Path> binary = binary();
        if (binary.isPresent()) {
            return binary.get();
        }
        String message = "No pgbouncer binary " + (System.getenv(BINARY_VARIABLE) != null ? "at " + BINARY_VARIABLE
                + "=" + System.getenv(BINARY_VARIABLE) : "on the PATH or in /usr/sbin, /usr/local/sbin, /usr/bin")
                + ": the tests through a transaction-pooling proxy need one; " + INSTALL + " (or name it with "
                + BINARY_VARIABLE + ").";
        if ("true".equalsIgnoreCase(System.getenv("CI"))
                && !"true".equalsIgnoreCase(System.getenv("CAIRN_TEST_PGBOUNCER_OPTIONAL"))) {
            throw new IllegalStateException(message + " CI=true: these tests must run there, so a missing"
                    + " pgbouncer fails them.");
        }
        if (!toldMissing) {
            // Once in the build's output too: a skipped test's reason is otherwise only in its report.
            toldMissing = true;
            System.err.println("[cairn] " + message + " Skipping them.");
        }
        throw new TestAbortedException(message + " Skipped.");
    }

    /**
     * The {@code pgbouncer} binary, if there is one: the one {@value #BINARY_VARIABLE} names when it is set, else
     * the first on the PATH or in the usual folders.
     */
    public static Optional<Path> binary() {
        String named = System.getenv(BINARY_VARIABLE);
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(PgBouncer::runnable);
        }
        List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "")
                .split(java.io.File.pathSeparator)));
        folders.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"));
        return folders.stream().filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, "pgbouncer"))
                .filter(PgBouncer::runnable)
                .findFirst();
    }

    /** A file this JVM may run (as root, {@link Files#isExecutable} says yes to a file that does not exist). */
    private static boolean runnable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    private static String parameter(String query, String name, String otherwise) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return otherwise;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PgBouncer exited with " + process.exitValue() + ": " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("PgBouncer did not listen on port " + port + " within "
                            + timeout.toSeconds() + " s: " + log());
                }
                sleep(50);
            }
        }
    }

    /** What PgBouncer wrote, for failures. */
    public String log() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("pgbouncer.out", "pgbouncer.log")) {
            Path file = folder.resolve(name);
            try {
                if (Files.exists(file)) {
                    text.append(Files.readString(file));
                }
            } catch (IOException ignored) {
                // The log is for messages only.
            }
        }
        return text.toString().strip();
    }

    /** The port it listens on, at 127.0.0.1. */
    public int port() {
        return port;
    }

    /** A JDBC URL of the test database through the proxy, with credentials; no driver settings of its own. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + user
                + (password.isEmpty() ? "" : "&password=" + password);
    }

    /**
     * A JDBC URL through the proxy as a client behind a transaction pooler must connect: no server-side prepared
     * statements ({@code prepareThreshold=0}).
     */
    public String pooledJdbcUrl() {
        return jdbcUrl() + "&prepareThreshold=0";
    }

    /** Cairn's URL of the test database through the proxy, in {@code schema}, with {@code pooling=transaction}. */
    public String cairnUrl(String schema) {
        return jdbcUrl().substring("jdbc:".length()) + "&schema=" + schema + "&pooling=transaction";
    }

    /** Stops the proxy, and removes its folder; the server connections it held close with it. Idempotent. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!process.isAlive()) {
            deleteQuietly(folder);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // A temporary folder: left for the system to clear.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PgBouncer", interrupted);
        }
    }

    @Override
    public String toString() {
        return "PgBouncer[127.0.0.1:" + port + " -> " + PostgresServer.jdbcUrl().replaceAll("password=[^&]*",
                "password=****") + "]";
    }
}
