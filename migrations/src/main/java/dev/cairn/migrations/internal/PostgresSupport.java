package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationLockTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL: a session advisory lock keyed by schema and history table, which the server drops when the
 * session ends, so a killed migrator leaves none behind. DDL is transactional.
 */
final class PostgresSupport extends DialectSupport {
    private static final long POLL_MILLIS = 100;
    private static final String IDENTIFIER = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern CONCURRENT_INDEX = Pattern.compile("\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+"
            + "CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:" + IDENTIFIER + "\\.)?" + IDENTIFIER,
            Pattern.CASE_INSENSITIVE);

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public void configureSession(Connection connection, Duration lockTimeout) throws SQLException {
        if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
            // A killed client is otherwise noticed only when a long statement ends; this frees its lock sooner.
            execute(connection, "SET client_connection_check_interval = 1000");
        }
    }

    @Override
    public MigrationLock lock(Connection connection, ConnectionSource source, String lockName,
                              String historyTable, Duration timeout) throws SQLException {
        long key = key(lockName);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!tryLock(connection, key)) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new MigrationLockTimeoutException(source.describe() + " (advisory lock " + key + " for "
                        + lockName + ")", timeout, null);
            }
            sleep(Math.min(POLL_MILLIS, Math.max(1, remaining / 1_000_000)));
        }
        return () -> {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_catalog.pg_advisory_unlock(?)")) {
                unlock.setLong(1, key);
                unlock.execute();
            }
        };
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_catalog.pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    static long key(String lockName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("cairn-migrations:" + lockName).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JDK has SHA-256", impossible);
        }
    }

    @Override
    public boolean useSchema(Connection connection, String schema, boolean create) throws SQLException {
        if (schema == null) {
            return true;
        }
        if (create) {
            execute(connection, "CREATE SCHEMA IF NOT EXISTS " + quote(schema));
        } else if (!exists(connection, schema)) {
            return false;
        }
        connection.setSchema(schema);
        return true;
    }

    /**
     * One round trip where there were four (the schema looked up, made current, the search path read back, the
     * history table looked up), and the schema created only when it is missing. In pg_catalog: information_schema's
     * views cost a new session several milliseconds to plan.
     */
    @Override
    public SessionStart startSession(Connection connection, String schema, boolean create, HistoryTable history)
            throws SQLException {
        boolean qualified = !history.qualifiedName().equals(history.name());
        String sql = schema == null
                ? "SELECT true, pg_catalog.current_setting('search_path'), ? AND pg_catalog.to_regclass(?) IS NOT NULL"
                // set_config of quote_ident is what the driver's setSchema runs, SET search_path TO 'schema'.
                : "SELECT n.oid IS NOT NULL, CASE WHEN n.oid IS NOT NULL OR ? THEN pg_catalog.set_config('search_path',"
                + " pg_catalog.quote_ident(?), false) END, pg_catalog.to_regclass(?) IS NOT NULL"
                + " FROM (VALUES (1)) AS one LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = ?";
        boolean schemaExists;
        String path;
        boolean historyExists;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (schema == null) {
                // Unqualified, the table would be looked for along the whole path: not there, as before.
                statement.setBoolean(1, qualified);
                statement.setString(2, history.qualifiedName());
            } else {
                statement.setBoolean(1, create);
                statement.setString(2, schema);
                statement.setString(3, history.qualifiedName());
                statement.setString(4, schema);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                schemaExists = result.getBoolean(1);
                path = result.getString(2);
                historyExists = result.getBoolean(3);
            }
        }
        if (!schemaExists) {
            if (!create) {
                return SessionStart.NO_SCHEMA;
            }
            execute(connection, "CREATE SCHEMA IF NOT EXISTS " + quote(schema));
        }
        return new SessionStart(true, path, historyExists);
    }

    /**
     * One round trip where there were three: the search path given back, the row written and the commit, sent as
     * one statement list. Through pgjdbc only, and not with its {@code autosave}, which wraps each statement in a
     * savepoint of its own; otherwise one statement each.
     */
    @Override
    public void recordAndCommit(Connection connection, HistoryTable history, HistoryRow row, Integer repeatableRank,
                                String sessionPath) throws SQLException {
        if (!Pgjdbc.plain(connection)) {
            super.recordAndCommit(connection, history, row, repeatableRank, sessionPath);
            return;
        }
        String record = repeatableRank == null ? history.insertSql() : history.updateRepeatableSql();
        try (PreparedStatement statement = connection.prepareStatement((sessionPath == null ? ""
                : "SELECT pg_catalog.set_config('search_path', ?, false);\n") + record + ";\nCOMMIT")) {
            int first = 1;
            if (sessionPath != null) {
                statement.setString(first++, sessionPath);
            }
            if (repeatableRank == null) {
                history.bindInsert(statement, first, row);
            } else {
                history.bindUpdateRepeatable(statement, first, repeatableRank, row);
            }
            statement.execute();
        }
        // The server committed: the driver saw the transaction end, so this sends nothing.
        commitMigration(connection);
    }

    @Override
    public String sessionPath(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_catalog.current_setting('search_path')");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    @Override
    public void restoreSessionPath(Connection connection, String path) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_catalog.set_config('search_path', ?, false)")) {
            statement.setString(1, path);
            statement.execute();
        }
    }

    @Override
    public List<String> clean(Connection connection, String schema, String lockTable) throws SQLException {
        String notFromExtension = " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = %s"
                + " AND d.deptype = 'e')";
        List<String> dropped = new ArrayList<>();
        String quotedSchema = quote(schema);
        for (String[] relation : rows(connection, "SELECT c.relname, c.relkind FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?"
                + " AND c.relkind IN ('m', 'v', 'r', 'p', 'f', 'S')" + notFromExtension.formatted("c.oid")
                + " ORDER BY position(c.relkind IN 'mvrpfS'), c.relname", schema)) {
            String kind = switch (relation[1]) {
                case "m" -> "MATERIALIZED VIEW";
                case "v" -> "VIEW";
                case "f" -> "FOREIGN TABLE";
                case "S" -> "SEQUENCE";
                default -> "TABLE";
            };
            execute(connection, "DROP " + kind + " IF EXISTS " + quotedSchema + "." + quote(relation[0]) + " CASCADE");
            dropped.add(kind.toLowerCase(Locale.ROOT) + " " + relation[0]);
        }
        for (String[] routine : rows(connection, "SELECT p.oid::pg_catalog.regprocedure::text, p.prokind, p.proname"
                + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE n.nspname = ?" + notFromExtension.formatted("p.oid"), schema)) {
            String kind = routine[1].equals("a") ? "AGGREGATE" : "ROUTINE";
            // regprocedure names the schema unless it is on the search path, where the engine put it.
            execute(connection, "DROP " + kind + " IF EXISTS " + (routine[0].startsWith(quotedSchema + ".")
                    || routine[0].startsWith(schema + ".") ? "" : quotedSchema + ".") + routine[0] + " CASCADE");
            dropped.add((kind.equals("ROUTINE") ? "function" : "aggregate") + " " + routine[2]);
        }
        for (String[] type : rows(connection, "SELECT t.typname, t.typtype FROM pg_catalog.pg_type t"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ?"
                + " AND t.typtype IN ('e', 'd', 'c', 'r') AND (t.typtype <> 'c' OR (SELECT c.relkind"
                + " FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c')" + notFromExtension.formatted("t.oid"),
                schema)) {
            String kind = type[1].equals("d") ? "DOMAIN" : "TYPE";
            execute(connection, "DROP " + kind + " IF EXISTS " + quotedSchema + "." + quote(type[0]) + " CASCADE");
            dropped.add(kind.toLowerCase(Locale.ROOT) + " " + type[0]);
        }
        return dropped;
    }

    private static boolean exists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            statement.setString(1, schema);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /** The INVALID indexes, of those the statements create concurrently, that an interrupted run left. */
    @Override
    public List<Leftover> leftovers(Connection connection, List<SqlStatement> statements) throws SQLException {
        List<Leftover> found = new ArrayList<>();
        for (SqlStatement statement : statements) {
            Matcher created = CONCURRENT_INDEX.matcher(statement.sql());
            // An index without a name gets one from the server, which the script cannot tell.
            if (!created.find() || created.group(2) == null && created.group(3).equalsIgnoreCase("on")) {
                continue;
            }
            String schema = created.group(2) == null ? null : identifier(created.group(2));
            String name = identifier(created.group(3));
            try (PreparedStatement invalid = connection.prepareStatement("SELECT n.nspname FROM pg_index i"
                    + " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE NOT i.indisvalid AND c.relname = ? AND n.nspname = coalesce(?, current_schema())")) {
                invalid.setString(1, name);
                invalid.setString(2, schema);
                try (ResultSet rows = invalid.executeQuery()) {
                    while (rows.next()) {
                        String qualified = quote(rows.getString(1)) + "." + quote(name);
                        found.add(new Leftover("INVALID index " + rows.getString(1) + "." + name
                                + " (from an interrupted CREATE INDEX CONCURRENTLY)",
                                "DROP INDEX CONCURRENTLY IF EXISTS " + qualified));
                    }
                }
            }
        }
        return found;
    }

    /** An identifier as the server stores it: quoted ones as written, others folded to lower case. */
    private static String identifier(String written) {
        return written.startsWith("\"") ? written.substring(1, written.length() - 1).replace("\"\"", "\"")
                : written.toLowerCase(Locale.ROOT);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
