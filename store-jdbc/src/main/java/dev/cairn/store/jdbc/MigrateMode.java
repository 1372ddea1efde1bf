package dev.cairn.store.jdbc;

import dev.cairn.core.StoreConfigurationException;
import java.util.Locale;

/** What opening a SQL store does to its schema: the store property {@code migrate}. */
public enum MigrateMode {
    /** Applies every pending migration of the backend's set (the default). */
    AUTO,
    /** Opens only a database that is up to date and unaltered; fails otherwise, changing nothing. */
    VALIDATE,
    /** Leaves the schema alone: for databases migrated by other means. */
    OFF;

    /** The store property that names the mode. */
    public static final String PROPERTY = "migrate";

    /**
     * Parses the value of the {@value #PROPERTY} property; null means {@link #AUTO}.
     *
     * @param value the property's value, or {@code null}
     * @return the mode
     * @throws StoreConfigurationException naming the property and the accepted values
     */
    public static MigrateMode parse(String value) {
        if (value == null) {
            return AUTO;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "validate" -> VALIDATE;
            case "off" -> OFF;
            default -> throw new StoreConfigurationException("Invalid " + PROPERTY + " = '" + value
                    + "': must be one of auto, validate, off.");
        };
    }
}
