package dev.cairn.migrations;

import java.util.Arrays;
import java.util.Locale;

/** The databases the engine knows. Immutable and thread-safe. */
public enum Dialect {
    /** SQLite, one database per file. */
    SQLITE("SQLite"),
    /** PostgreSQL, one schema of a database. */
    POSTGRESQL("PostgreSQL"),
    /** H2, one schema of a database. */
    H2("H2");

    private final String productName;

    Dialect(String productName) {
        this.productName = productName;
    }

    /**
     * The product name JDBC metadata reports for this database.
     *
     * @return the name, such as {@code PostgreSQL}
     */
    public String productName() {
        return productName;
    }

    /**
     * The dialect for a product name as {@link java.sql.DatabaseMetaData#getDatabaseProductName()} reports it.
     *
     * @param productName the name the driver reports, compared ignoring case and surrounding spaces
     * @return the matching dialect
     * @throws MigrationConfigurationException when no dialect matches
     */
    public static Dialect fromProductName(String productName) {
        String wanted = productName == null ? "" : productName.trim().toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (wanted.equals(dialect.productName.toLowerCase(Locale.ROOT))) {
                return dialect;
            }
        }
        throw new MigrationConfigurationException("Unsupported database '" + productName + "'. Supported: "
                + Arrays.toString(values()) + ". Give the dialect explicitly if detection is wrong.");
    }
}
