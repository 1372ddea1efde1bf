package dev.cairn.migrations.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Where connections come from: a DataSource or a JDBC URL. Implementations are thread-safe. */
public interface ConnectionSource {

    Connection open() throws SQLException;

    /** The target's name for messages, with any password masked. */
    String describe();

    /**
     * Whether connections are borrowed from a caller (a DataSource, whose pool lends them on), so that the engine
     * must give each back with the session state it came with; false unless overridden.
     */
    default boolean lent() {
        return false;
    }

    /** The JDBC URL when the source is one, else null. */
    default String jdbcUrl() {
        return null;
    }

    /** Masks {@code password=...} parameters and {@code user:password@} parts of a JDBC URL. */
    static String mask(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("(//[^/:@]+:)[^@/]*@", "$1****@");
    }
}
