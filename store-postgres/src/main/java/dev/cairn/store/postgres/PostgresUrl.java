package dev.cairn.store.postgres;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.StoreConfigurationException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a PostgreSQL store is, from its URL: hosts and ports as the driver takes them, the database, and the
 * credentials of the URL's user-info part or of the {@code user} and {@code password} properties (the URL's
 * win). Immutable and thread-safe.
 */
record PostgresUrl(String hosts, String database, String userName, String secret) {
    static PostgresUrl parse(CairnConfig config) {
        String location = config.location();
        if (!location.startsWith("//") || location.length() == 2) {
            throw invalid(config, "name a server and a database");
        }
        String rest = location.substring(2);
        String user = config.property("user").orElse(null);
        String password = config.property("password").orElse(null);
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(config, colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                password = decode(config, userInfo.substring(colon + 1));
            }
        }
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : decode(config, rest.substring(slash + 1));
        if (hosts.isBlank()) {
            throw invalid(config, "name a server");
        }
        if (database.isBlank() || database.contains("/")) {
            throw invalid(config, "name one database after the server");
        }
        return new PostgresUrl(hosts, database, user, password);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + hosts + "/" + database;
    }

    /** The first host, for names. */
    String host() {
        int end = hosts.indexOf(',');
        String first = end < 0 ? hosts : hosts.substring(0, end);
        int colon = first.lastIndexOf(':');
        return colon > 0 && !first.endsWith("]") ? first.substring(0, colon) : first;
    }

    Optional<String> user() {
        return Optional.ofNullable(userName);
    }

    Optional<String> password() {
        return Optional.ofNullable(secret);
    }

    /** A new physical connection, outside any pool. */
    Connection connect(Map<String, String> driverProperties) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(driverProperties);
        user().ifPresent(value -> properties.setProperty("user", value));
        password().ifPresent(value -> properties.setProperty("password", value));
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    @Override
    public String toString() {
        return "PostgresUrl[" + hosts + "/" + database + (userName == null ? "" : ", user=" + userName) + "]";
    }

    /** Percent-decoding as a URL's user info and path have it: a '+' stays a '+'. */
    private static String decode(CairnConfig config, String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw invalid(config, "a '%' must start an escape such as %40 for '@'");
        }
    }

    private static StoreConfigurationException invalid(CairnConfig config, String what) {
        return new StoreConfigurationException("Invalid PostgreSQL store url " + config.maskedUrl() + ": " + what
                + ", such as postgresql://db.example/plan or postgresql://app@localhost:5432/plan?schema=tenant_1.");
    }
}
