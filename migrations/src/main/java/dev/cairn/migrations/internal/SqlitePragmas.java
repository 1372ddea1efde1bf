package dev.cairn.migrations.internal;

import dev.cairn.migrations.MigrationConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PRAGMAs of a SQLite migration that runs in a transaction, where SQLite ignores some of them without a
 * word. {@code PRAGMA foreign_keys = OFF/ON} is taken out of the script and done by the engine where it takes
 * effect (before and after the migration's transaction); the others that cannot take effect there are refused.
 * Thread-safe.
 */
final class SqlitePragmas {
    private static final Pattern PRAGMA = Pattern.compile(
            "PRAGMA\\s+(?:\"?\\w+\"?\\s*\\.\\s*)?\"?(\\w+)\"?\\s*(?:=\\s*(.+)|\\((.+)\\))?", Pattern.DOTALL);
    private static final Set<String> OFF = Set.of("0", "OFF", "FALSE", "NO");
    private static final Set<String> ON = Set.of("1", "ON", "TRUE", "YES");
    /** PRAGMAs that are a no-op, or silently different, inside a transaction. */
    private static final Set<String> NOT_IN_TRANSACTION = Set.of("journal_mode", "page_size", "auto_vacuum",
            "encoding", "locking_mode", "legacy_file_format", "temp_store");

    private SqlitePragmas() {
    }

    /**
     * What a transactional migration's PRAGMAs ask of the engine.
     *
     * @param statements the statements to run, without the {@code foreign_keys} settings
     * @param foreignKeysOff whether the migration must run with foreign keys off
     */
    record Inspected(List<SqlStatement> statements, boolean foreignKeysOff) {
    }

    /** @throws MigrationConfigurationException naming the file and statement of a PRAGMA that cannot work here */
    static Inspected inspect(String script, List<SqlStatement> statements) {
        List<SqlStatement> kept = new ArrayList<>(statements.size());
        boolean foreignKeysOff = false;
        for (SqlStatement statement : statements) {
            Matcher pragma = PRAGMA.matcher(statement.sql());
            if (!pragma.matches()) {
                kept.add(statement);
                continue;
            }
            String name = pragma.group(1).toLowerCase(Locale.ROOT);
            String value = pragma.group(2) != null ? pragma.group(2) : pragma.group(3);
            if (value == null) {
                kept.add(statement);
            } else if (name.equals("foreign_keys")) {
                String setting = value.strip().replace("'", "").replace("\"", "").toUpperCase(Locale.ROOT);
                if (OFF.contains(setting)) {
                    foreignKeysOff = true;
                } else if (!ON.contains(setting)) {
                    throw new MigrationConfigurationException(script + " statement " + statement.number()
                            + " (line " + statement.line() + "): " + statement.firstLine() + " sets foreign_keys to"
                            + " neither ON nor OFF.");
                }
            } else if (NOT_IN_TRANSACTION.contains(name)) {
                throw new MigrationConfigurationException(script + " statement " + statement.number() + " (line "
                        + statement.line() + "): " + statement.firstLine() + " cannot take effect inside the"
                        + " migration's transaction, where SQLite would ignore it or fail. Set it on the connection"
                        + " (the JDBC URL), or put it in a migration of its own declared '-- cairn:no-transaction'.");
            } else {
                kept.add(statement);
            }
        }
        return new Inspected(List.copyOf(kept), foreignKeysOff);
    }
}
