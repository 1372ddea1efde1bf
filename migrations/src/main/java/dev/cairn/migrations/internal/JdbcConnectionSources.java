package dev.cairn.migrations.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/** Connection sources for a DataSource or a JDBC URL. Thread-safe. */
public final class JdbcConnectionSources {

    private JdbcConnectionSources() {
    }

    public static ConnectionSource of(DataSource dataSource) {
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public boolean lent() {
                return true;
            }

            @Override
            public String describe() {
                return "DataSource " + dataSource.getClass().getSimpleName();
            }
        };
    }

    public static ConnectionSource of(String url, String user, String password) {
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                if (user == null) {
                    return DriverManager.getConnection(url);
                }
                Properties properties = new Properties();
                properties.setProperty("user", user);
                if (password != null) {
                    properties.setProperty("password", password);
                }
                return DriverManager.getConnection(url, properties);
            }

            @Override
            public String describe() {
                return ConnectionSource.mask(url);
            }

            @Override
            public String jdbcUrl() {
                return user == null ? url : null;
            }
        };
    }
}
