package dev.cairn.junit;

/** Where a test's fresh store or migrated database lives. */
public enum Backend {
    /** A private in-memory store ({@code memory:}); for a {@link MigratedDataSource}, not a choice. */
    MEMORY,
    /** A SQLite file in a new temporary folder, deleted afterwards. */
    SQLITE,
    /**
     * A new schema on the PostgreSQL server named by the configuration parameter (or system property)
     * {@value CairnExtension#POSTGRES_URL_PARAMETER}, else the environment variable
     * {@value CairnExtension#POSTGRES_URL_VARIABLE}: a JDBC URL with credentials. The schema is dropped afterwards.
     */
    POSTGRESQL
}
