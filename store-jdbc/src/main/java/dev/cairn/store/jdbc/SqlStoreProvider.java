package dev.cairn.store.jdbc;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.StoreProvider;
import dev.cairn.migrations.Migrator;

/**
 * A provider whose stores live in a SQL database, which can also hand out a migrator for the database a
 * configuration names, read as {@link #open} reads it: for tools that migrate without opening a store (which
 * would migrate on its own), such as the command line's {@code migrate}. Implementations must be thread-safe.
 */
public interface SqlStoreProvider extends StoreProvider {
    /**
     * The dialect of the stores this provider opens.
     *
     * @return the dialect
     */
    JdbcDialect dialect();

    /**
     * A migrator connected to the database {@code config} names, with the URL's credentials and driver
     * properties as {@link #open} reads them, or to the configuration's {@link CairnConfig#dataSource()
     * DataSource} when it has one; of this provider's dialect, with no migration set chosen, and the schema of
     * the configuration where stores live in schemas ({@link #schemaPerStore()}). The URL and driver properties
     * are checked as {@link StoreProperties#checkDriverSettings} checks them, before any connection is made.
     *
     * @param config the configuration, as {@link #open} takes it
     * @return a migrator builder for that database
     * @throws dev.cairn.core.StoreConfigurationException when the configuration names no database a migrator can
     *                                                    reach, or a setting is invalid or refused
     */
    Migrator.Builder migrator(CairnConfig config);

    /**
     * Whether a store of this provider lives in a schema of its database, named by the property {@code schema},
     * so that one database holds several stores, each migrated apart; false unless overridden.
     *
     * @return true when each store lives in a schema of its own
     */
    default boolean schemaPerStore() {
        return false;
    }
}
