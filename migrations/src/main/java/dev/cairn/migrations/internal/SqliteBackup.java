package dev.cairn.migrations.internal;

import dev.cairn.migrations.BackupPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Copies a non-empty SQLite file with {@code VACUUM INTO} before migrations touch it, then keeps the newest
 * {@code retention} copies. Runs on a second connection because VACUUM cannot run inside the run's
 * transaction; the run holds only the reserved lock, so the copy reads the database as it was. Thread-safe.
 */
final class SqliteBackup {
    static final String SUFFIX = ".bak";
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
        try (Connection copier = source.jdbcUrl() != null ? DriverManager.getConnection(source.jdbcUrl())
                : source.open();
             Statement statement = copier.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000");
            statement.execute("VACUUM INTO '" + backup.toString().replace("'", "''") + "'");
        }
        prune(folder, prefix, policy.retention());
        return backup;
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
