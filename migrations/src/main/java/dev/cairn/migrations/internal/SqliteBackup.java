package dev.cairn.migrations.internal;

import dev.cairn.migrations.BackupPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a non-empty SQLite file with {@code VACUUM INTO} before migrations touch it, then keeps the newest
 * {@code retention} copies. Runs on a second connection because VACUUM cannot run inside the run's
 * transaction; the run holds only the reserved lock, so the copy reads the database as it was.
 *
 * <p>The copy is written under a temporary name ({@code .bak.partial}), checked ({@code PRAGMA integrity_check}
 * and a page count), and only then renamed to its {@code .bak} name, so a process killed while copying leaves no
 * file that looks like a backup, and the retention never counts one. A partial file left by such a process is
 * deleted by the next backup of the same database; the migration lock makes sure it is not another's copy in
 * progress. Thread-safe.
 */
final class SqliteBackup {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteBackup.class);
    static final String SUFFIX = ".bak";
    static final String PARTIAL_SUFFIX = SUFFIX + ".partial";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

    private SqliteBackup() {
    }

    /** The backup's path, or null when the database is in memory or empty. */
    static Path backupIfNeeded(Connection connection, ConnectionSource source, BackupPolicy policy)
            throws SQLException {
        if (!policy.enabled()) {
            return null;
        }
        Path file = databaseFile(connection);
        if (file == null || isEmpty(connection)) {
            return null;
        }
        Path folder = policy.folder() != null ? policy.folder() : file.toAbsolutePath().getParent();
        String prefix = file.getFileName().toString() + ".";
        Path backup = folder.resolve(prefix + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + SUFFIX);
        for (int attempt = 1; Files.exists(backup); attempt++) {
            backup = folder.resolve(prefix + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + attempt + SUFFIX);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot create backup folder " + folder, failure);
        }
        deleteStalePartials(folder, prefix);
        Path partial = backup.resolveSibling(backup.getFileName() + ".partial");
        try {
            try (Connection copier = source.jdbcUrl() != null ? DriverManager.getConnection(source.jdbcUrl())
                    : source.open();
                 Statement statement = copier.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
                statement.execute("VACUUM INTO " + quoted(partial));
                check(statement, partial);
            }
            Files.move(partial, backup, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failure) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Cannot complete the backup " + backup, failure);
        } catch (SQLException | RuntimeException failure) {
            deleteQuietly(partial);
            throw failure;
        }
        LOG.info("Backed up {} to {} before migrating it", file, backup);
        prune(folder, prefix, policy.retention());
        return backup;
    }

    /** Refuses a copy that SQLite does not find whole, read through the copier's connection. */
    private static void check(Statement statement, Path copy) throws SQLException {
        statement.execute("ATTACH DATABASE " + quoted(copy) + " AS cairn_backup");
        try {
            try (ResultSet pages = statement.executeQuery("PRAGMA cairn_backup.page_count")) {
                if (!pages.next() || pages.getLong(1) < 1) {
                    throw new SQLException("The backup copy " + copy + " is empty");
                }
            }
            try (ResultSet integrity = statement.executeQuery("PRAGMA cairn_backup.integrity_check")) {
                String verdict = integrity.next() ? integrity.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new SQLException("The backup copy " + copy + " fails PRAGMA integrity_check: " + verdict);
                }
            }
        } finally {
            statement.execute("DETACH DATABASE cairn_backup");
        }
    }

    private static String quoted(Path file) {
        return "'" + file.toString().replace("'", "''") + "'";
    }

    private static void deleteStalePartials(Path folder, String prefix) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path stale : files.filter(path -> {
                String name = path.getFileName().toString();
                // The copy's own rollback journal goes with it.
                return name.startsWith(prefix)
                        && (name.endsWith(PARTIAL_SUFFIX) || name.endsWith(PARTIAL_SUFFIX + "-journal"));
            }).toList()) {
                Files.deleteIfExists(stale);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot remove partial backups in " + folder, failure);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The copy failed already; that failure is the one to report, and the next backup removes the file.
        }
    }

    private static Path databaseFile(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA database_list")) {
            while (rows.next()) {
                if ("main".equals(rows.getString("name"))) {
                    String file = rows.getString("file");
                    return file == null || file.isEmpty() ? null : Path.of(file);
                }
            }
        }
        return null;
    }

    private static boolean isEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rows.next();
            return rows.getInt(1) == 0;
        }
    }

    private static void prune(Path folder, String prefix, int retention) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> backups = files.filter(path -> {
                String name = path.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(SUFFIX);
            }).sorted().toList();
            for (int index = 0; index < backups.size() - retention; index++) {
                Files.deleteIfExists(backups.get(index));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot prune backups in " + folder, failure);
        }
    }
}
