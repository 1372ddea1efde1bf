package dev.cairn.migrations;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one check of the driver settings in a JDBC URL and its driver properties, before Cairn hands them to a
 * driver. A URL often comes from configuration that is not code (a {@code cairn.yaml} in the working folder, an
 * environment variable), yet the three drivers Cairn speaks to each accept settings that run code, load classes
 * or write files: H2's {@code INIT=RUNSCRIPT FROM …}, pgjdbc's {@code socketFactory} and {@code loggerFile},
 * SQLite's {@code enable_load_extension}. Such a URL is refused with the name of the setting, never its value
 * (which may be a password). A caller who needs one of them gives Cairn a {@code DataSource} of its own.
 *
 * <ul>
 *   <li><b>H2</b>: settings after {@code ;} are taken only from an allow-list ({@link #H2_ALLOWED}).</li>
 *   <li><b>PostgreSQL</b>: every pgjdbc property that names a class, or a file the driver writes, is refused.
 *       The SSL file properties ({@code sslcert}, {@code sslkey}, {@code sslrootcert}) stay: the driver only
 *       reads them, and a server that verifies its clients needs them.</li>
 *   <li><b>SQLite</b>: extension loading, a temporary-files folder and the {@code :resource:} form (a database
 *       read from the class path or a URL) are refused.</li>
 * </ul>
 * Names compare without case, since a driver that ignores case would read {@code SOCKETFACTORY} too.
 * Thread-safe.
 */
public final class DriverSettings {
    /** H2 settings a URL may carry: how the database is opened, never a script, a class or a trace file. */
    static final Set<String> H2_ALLOWED = Set.of("ACCESS_MODE_DATA", "ANALYZE_AUTO", "ANALYZE_SAMPLE",
            "AUTOCOMMIT", "AUTO_RECONNECT", "AUTO_SERVER", "AUTO_SERVER_PORT", "CACHE_SIZE",
            "CASE_INSENSITIVE_IDENTIFIERS", "CIPHER", "COMPRESS", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER",
            "DB_CLOSE_DELAY", "DB_CLOSE_ON_EXIT", "DEFAULT_NULL_ORDERING", "DEFAULT_TABLE_TYPE", "FILE_LOCK",
            "FORBID_CREATION", "IFEXISTS", "IGNORECASE", "LOCK_MODE", "LOCK_TIMEOUT", "MAX_COMPACT_TIME",
            "MAX_LENGTH_INPLACE_LOB", "MAX_MEMORY_ROWS", "MODE", "MV_STORE", "NETWORK_TIMEOUT", "NON_KEYWORDS",
            "OLD_INFORMATION_SCHEMA", "PAGE_SIZE", "PASSWORD", "QUERY_TIMEOUT", "RETENTION_TIME", "SCHEMA",
            "TRACE_LEVEL_SYSTEM_OUT", "TRUNCATE_LARGE_LENGTH", "USER", "VARIABLE_BINARY", "WRITE_DELAY");

    /** pgjdbc properties that name a class to load or a file to write, in lower case. */
    static final Set<String> POSTGRES_REFUSED = Set.of("socketfactory", "socketfactoryarg", "sslfactory",
            "sslfactoryarg", "sslhostnameverifier", "sslpasswordcallback", "authenticationpluginclassname",
            "loggerfile");

    /** sqlite-jdbc properties that load native code or name a folder to write, in lower case. */
    static final Set<String> SQLITE_REFUSED = Set.of("enable_load_extension", "load_extension",
            "temp_store_directory");

    private DriverSettings() {
    }

    /**
     * Checks {@code jdbcUrl} and the properties that go to the driver with it.
     *
     * @param jdbcUrl          a JDBC URL; one of a driver Cairn does not know passes unchecked
     * @param driverProperties properties passed to the driver beside the URL (user and password included)
     * @throws UnsafeDriverSettingException naming the first setting refused, and the way to get it anyway
     */
    public static void check(String jdbcUrl, Map<String, String> driverProperties) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            checkH2(jdbcUrl, driverProperties.keySet());
        } else if (lower.startsWith("jdbc:postgresql:")) {
            checkRefused("PostgreSQL", POSTGRES_REFUSED, queryKeys(jdbcUrl), driverProperties.keySet(),
                    "it names a class for the driver to load or a file for it to write");
        } else if (lower.startsWith("jdbc:sqlite:")) {
            if (lower.startsWith("jdbc:sqlite::resource:")) {
                throw new UnsafeDriverSettingException("A SQLite URL of the form jdbc:sqlite::resource: (a database "
                        + "read from the class path or a web address) is not opened from a URL. Name a file, such "
                        + "as sqlite:plan.db, or give Cairn a DataSource of your own.");
            }
            checkRefused("SQLite", SQLITE_REFUSED, queryKeys(jdbcUrl), driverProperties.keySet(),
                    "it loads native code or names a folder for the driver to write");
        }
    }

    private static void checkH2(String jdbcUrl, Set<String> propertyNames) {
        List<String> names = new ArrayList<>();
        String[] parts = jdbcUrl.split(";", -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            names.add(equals < 0 ? part : part.substring(0, equals));
        }
        names.addAll(propertyNames);
        for (String name : names) {
            String setting = name.trim().toUpperCase(Locale.ROOT);
            if (!H2_ALLOWED.contains(setting)) {
                throw new UnsafeDriverSettingException("The H2 setting " + shown(setting) + " is not taken from a "
                        + "URL: " + (setting.equals("INIT") || setting.contains("SCRIPT") ? "it runs SQL or code"
                        : setting.startsWith("TRACE") ? "it writes a file" : "it is not on Cairn's list of safe H2 "
                        + "settings") + ". Settings allowed in a URL: " + new TreeSet<>(H2_ALLOWED)
                        + ". To use it anyway, give Cairn a DataSource of your own.");
            }
        }
    }

    private static void checkRefused(String driver, Set<String> refused, List<String> urlKeys,
                                     Set<String> propertyNames, String why) {
        List<String> names = new ArrayList<>(urlKeys);
        names.addAll(propertyNames);
        for (String name : names) {
            if (refused.contains(name.trim().toLowerCase(Locale.ROOT))) {
                throw new UnsafeDriverSettingException("The " + driver + " driver property " + shown(name.trim())
                        + " is not taken from a URL or configuration: " + why + ". To use it anyway, give Cairn a "
                        + "DataSource of your own.");
            }
        }
    }

    /** The keys of a URL's query string, decoded as drivers decode them. */
    private static List<String> queryKeys(String jdbcUrl) {
        List<String> keys = new ArrayList<>();
        int question = jdbcUrl.indexOf('?');
        if (question < 0) {
            return keys;
        }
        for (String pair : jdbcUrl.substring(question + 1).split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            try {
                keys.add(URLDecoder.decode(key, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** A setting's name as a message may show it: short, and printable. */
    private static String shown(String name) {
        String printable = name.replaceAll("[^A-Za-z0-9_.-]", "?");
        return "'" + (printable.length() > 64 ? printable.substring(0, 64) + "…" : printable) + "'";
    }
}
