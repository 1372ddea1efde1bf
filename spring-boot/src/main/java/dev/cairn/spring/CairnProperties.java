package dev.cairn.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code cairn.*} properties: where the plan is stored, what happens to its schema at start-up, and the
 * application's own migrations run by Cairn's engine. Bound by Spring; not thread-safe while it is bound, read
 * only afterwards.
 */
@ConfigurationProperties(prefix = "cairn")
public class CairnProperties {
    /**
     * The store's URL, such as sqlite:plan.db, postgresql://host/db or memory:. Setting it makes a Cairn bean with
     * connections of its own; see cairn.datasource to use the application's DataSource instead.
     */
    private String url;

    /**
     * Whose connections the store uses: 'own' (those cairn.url names) or 'application' (the application's
     * DataSource bean, with the store's tables in cairn.schema on PostgreSQL).
     */
    private DataSourceMode datasource = DataSourceMode.OWN;

    /** The schema of the store's tables (PostgreSQL); by default the connection's current schema. */
    private String schema;

    /**
     * What opening the store does to its schema: 'auto' applies Cairn's pending store migrations, 'validate'
     * refuses a schema that is behind or altered, 'off' leaves it alone.
     */
    private MigrateMode migrate = MigrateMode.AUTO;

    /** Who the audit trail names for changes made through the Cairn bean; by default the user running the JVM. */
    private String actor;

    /** Further store properties, such as poolSize or busyTimeout, passed to the store as they are. */
    private Map<String, String> properties = new LinkedHashMap<>();

    /** The application's own migrations. */
    private final Migrations migrations = new Migrations();

    /**
     * The {@code cairn.url} property.
     *
     * @return the store's URL, or null when none is set
     */
    public String getUrl() {
        return url;
    }

    /**
     * Sets the {@code cairn.url} property.
     *
     * @param url the store's URL, such as {@code sqlite:plan.db}
     */
    public void setUrl(String url) {
        this.url = url;
    }

    /**
     * The {@code cairn.datasource} property.
     *
     * @return whose connections the store uses; {@code OWN} by default
     */
    public DataSourceMode getDatasource() {
        return datasource;
    }

    /**
     * Sets the {@code cairn.datasource} property.
     *
     * @param datasource whose connections the store uses
     */
    public void setDatasource(DataSourceMode datasource) {
        this.datasource = datasource;
    }

    /**
     * The {@code cairn.schema} property.
     *
     * @return the schema of the store's tables, or null for the connection's current one
     */
    public String getSchema() {
        return schema;
    }

    /**
     * Sets the {@code cairn.schema} property.
     *
     * @param schema the schema of the store's tables, or null for the connection's current one
     */
    public void setSchema(String schema) {
        this.schema = schema;
    }

    /**
     * The {@code cairn.migrate} property.
     *
     * @return what opening the store does to its schema; {@code AUTO} by default
     */
    public MigrateMode getMigrate() {
        return migrate;
    }

    /**
     * Sets the {@code cairn.migrate} property.
     *
     * @param migrate what opening the store does to its schema
     */
    public void setMigrate(MigrateMode migrate) {
        this.migrate = migrate;
    }

    /**
     * The {@code cairn.actor} property.
     *
     * @return the name the audit trail records, or null for the user running the JVM
     */
    public String getActor() {
        return actor;
    }

    /**
     * Sets the {@code cairn.actor} property.
     *
     * @param actor the name the audit trail records, or null for the user running the JVM
     */
    public void setActor(String actor) {
        this.actor = actor;
    }

    /**
     * The {@code cairn.properties} property.
     *
     * @return the further store properties, by name
     */
    public Map<String, String> getProperties() {
        return properties;
    }

    /**
     * Sets the {@code cairn.properties} property.
     *
     * @param properties the further store properties, by name
     */
    public void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }

    /**
     * The {@code cairn.migrations} property.
     *
     * @return the settings of the application's own migrations
     */
    public Migrations getMigrations() {
        return migrations;
    }

    /** Whose connections the store uses. */
    public enum DataSourceMode {
        /** Connections of the store's own, to the database cairn.url names. */
        OWN,
        /** The application's DataSource bean. */
        APPLICATION
    }

    /** What opening the store does to its schema. */
    public enum MigrateMode {
        /** Applies Cairn's pending store migrations. */
        AUTO,
        /** Refuses a store schema that is behind or altered, changing nothing. */
        VALIDATE,
        /** Leaves the store's schema alone. */
        OFF
    }

    /** The application's own migrations, applied to its DataSource by Cairn's engine (a Flyway alternative). */
    public static class Migrations {
        /** Whether the application's migrations run at start-up when locations are set. */
        private boolean enabled = true;

        /**
         * Where the application's migrations are, as Flyway names locations: classpath:db/migration (folders on
         * the classpath, inside jars too), filesystem:sql or a plain path. Nothing runs unless this is set.
         */
        private List<String> locations = new ArrayList<>();

        /** The module name of the application's migrations in the history table; versions are counted per module. */
        private String module = "application";

        /** Values of ${name} placeholders in the migrations; ${schema} and ${historyTable} are predefined. */
        private Map<String, String> placeholders = new LinkedHashMap<>();

        /** The version to migrate up to, and no further; by default the newest. */
        private String target;

        /** Whether a pending migration below the newest applied version is applied rather than refused. */
        private boolean outOfOrder;

        /** The schema to migrate (created if missing); by default the connection's current schema. */
        private String schema;

        /** The history table. */
        private String historyTable = "cairn_schema_history";

        /** How long to wait for another migrator's lock on the database. */
        private Duration lockTimeout = Duration.ofMinutes(1);

        /**
         * The {@code cairn.migrations.enabled} property.
         *
         * @return whether the application's migrations run at start-up; true by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets the {@code cairn.migrations.enabled} property.
         *
         * @param enabled whether they run at start-up
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The {@code cairn.migrations.locations} property.
         *
         * @return the locations of the application's migrations; none by default
         */
        public List<String> getLocations() {
            return locations;
        }

        /**
         * Sets the {@code cairn.migrations.locations} property.
         *
         * @param locations the locations, such as {@code classpath:db/migration}
         */
        public void setLocations(List<String> locations) {
            this.locations = locations;
        }

        /**
         * The {@code cairn.migrations.module} property.
         *
         * @return the module name in the history table; {@code application} by default
         */
        public String getModule() {
            return module;
        }

        /**
         * Sets the {@code cairn.migrations.module} property.
         *
         * @param module the module name in the history table
         */
        public void setModule(String module) {
            this.module = module;
        }

        /**
         * The {@code cairn.migrations.placeholders} property.
         *
         * @return the placeholder values, by name
         */
        public Map<String, String> getPlaceholders() {
            return placeholders;
        }

        /**
         * Sets the {@code cairn.migrations.placeholders} property.
         *
         * @param placeholders the placeholder values, by name
         */
        public void setPlaceholders(Map<String, String> placeholders) {
            this.placeholders = placeholders;
        }

        /**
         * The {@code cairn.migrations.target} property.
         *
         * @return the version to migrate up to, or null for the newest
         */
        public String getTarget() {
            return target;
        }

        /**
         * Sets the {@code cairn.migrations.target} property.
         *
         * @param target the version to migrate up to, or null for the newest
         */
        public void setTarget(String target) {
            this.target = target;
        }

        /**
         * The {@code cairn.migrations.out-of-order} property.
         *
         * @return whether a migration below the newest applied version is applied; false by default
         */
        public boolean isOutOfOrder() {
            return outOfOrder;
        }

        /**
         * Sets the {@code cairn.migrations.out-of-order} property.
         *
         * @param outOfOrder true to apply such migrations
         */
        public void setOutOfOrder(boolean outOfOrder) {
            this.outOfOrder = outOfOrder;
        }

        /**
         * The {@code cairn.migrations.schema} property.
         *
         * @return the schema to migrate, or null for the connection's current one
         */
        public String getSchema() {
            return schema;
        }

        /**
         * Sets the {@code cairn.migrations.schema} property.
         *
         * @param schema the schema to migrate, or null for the connection's current one
         */
        public void setSchema(String schema) {
            this.schema = schema;
        }

        /**
         * The {@code cairn.migrations.history-table} property.
         *
         * @return the history table's name; {@code cairn_schema_history} by default
         */
        public String getHistoryTable() {
            return historyTable;
        }

        /**
         * Sets the {@code cairn.migrations.history-table} property.
         *
         * @param historyTable the history table's name
         */
        public void setHistoryTable(String historyTable) {
            this.historyTable = historyTable;
        }

        /**
         * The {@code cairn.migrations.lock-timeout} property.
         *
         * @return how long to wait for another migrator's lock; one minute by default
         */
        public Duration getLockTimeout() {
            return lockTimeout;
        }

        /**
         * Sets the {@code cairn.migrations.lock-timeout} property.
         *
         * @param lockTimeout how long to wait for another migrator's lock
         */
        public void setLockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
        }
    }
}
