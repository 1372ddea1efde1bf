package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationConfigurationException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a script runs in a transaction: declared by a {@code -- cairn:no-transaction} line, or
 * detected from statements that cannot run in one. A script mixing both kinds without the declaration is
 * an error, never split silently. Thread-safe.
 */
public final class TransactionMode {
    private static final Pattern DECLARED = Pattern.compile("(?m)^\\s*--\\s*cairn:no-transaction\\b");
    private static final Pattern RETRYABLE = Pattern.compile("(?m)^\\s*--\\s*cairn:retryable\\b");
    private static final Pattern POSTGRES_OUTSIDE = Pattern.compile(
            "(CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY|DROP\\s+INDEX\\s+CONCURRENTLY|REINDEX\\b.*\\bCONCURRENTLY"
                    + "|VACUUM\\b|CREATE\\s+DATABASE|DROP\\s+DATABASE|ALTER\\s+SYSTEM|CREATE\\s+TABLESPACE"
                    + "|DROP\\s+TABLESPACE|ALTER\\s+DATABASE\\b.*\\bSET\\s+TABLESPACE).*",
            Pattern.DOTALL);
    private static final Pattern POSTGRES_ADD_ENUM_VALUE = Pattern.compile("ALTER\\s+TYPE\\b.*\\bADD\\s+VALUE\\b.*",
            Pattern.DOTALL);
    private static final Pattern SQLITE_OUTSIDE = Pattern.compile("VACUUM\\b(?!\\s+INTO).*", Pattern.DOTALL);

    private TransactionMode() {
    }

    /** Whether the script is declared non-transactional. */
    public static boolean declaredOutside(String sql) {
        return DECLARED.matcher(sql).find();
    }

    /**
     * Whether a script that runs outside a transaction declares, with a {@code -- cairn:retryable} line, that
     * running it again after an interrupted run is safe once what that run left is removed.
     */
    public static boolean declaredRetryable(String sql) {
        return RETRYABLE.matcher(sql).find();
    }

    /**
     * Whether the statements must run outside a transaction.
     *
     * @param serverMajorVersion the server's major version (PostgreSQL before 12 cannot add enum values in a
     *     transaction), or 0 when unknown
     * @throws MigrationConfigurationException when a script mixes both kinds without declaring it
     */
    public static boolean outsideTransaction(Dialect dialect, int serverMajorVersion, String script, String sql,
                                             List<SqlStatement> statements) {
        if (declaredOutside(sql)) {
            return true;
        }
        SqlStatement outside = null;
        SqlStatement inside = null;
        for (SqlStatement statement : statements) {
            if (cannotRunInTransaction(dialect, serverMajorVersion, statement.sql())) {
                outside = outside == null ? statement : outside;
            } else {
                inside = inside == null ? statement : inside;
            }
        }
        if (outside != null && inside != null) {
            throw new MigrationConfigurationException(script + " mixes statements that cannot run in a transaction"
                    + " (statement " + outside.number() + ": " + outside.firstLine() + ") with statements that"
                    + " can (statement " + inside.number() + ": " + inside.firstLine() + "). Move the first kind"
                    + " to its own migration, or declare the whole file with '-- cairn:no-transaction'.");
        }
        return outside != null;
    }

    static boolean cannotRunInTransaction(Dialect dialect, int serverMajorVersion, String statement) {
        String upper = statement.toUpperCase(Locale.ROOT);
        return switch (dialect) {
            case POSTGRESQL -> POSTGRES_OUTSIDE.matcher(upper).matches()
                    || (serverMajorVersion > 0 && serverMajorVersion < 12
                    && POSTGRES_ADD_ENUM_VALUE.matcher(upper).matches());
            case SQLITE -> SQLITE_OUTSIDE.matcher(upper).matches();
            case H2 -> false;
        };
    }
}
