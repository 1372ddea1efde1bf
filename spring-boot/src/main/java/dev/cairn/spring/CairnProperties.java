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

    private final Migrations migrations = new Migrations();

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public DataSourceMode getDatasource() {
        return datasource;
    }

    public void setDatasource(DataSourceMode datasource) {
        this.datasource = datasource;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public MigrateMode getMigrate() {
        return migrate;
    }

    public void setMigrate(MigrateMode migrate) {
        this.migrate = migrate;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public Map<String, String> getProperties() {
        return properties;
    }

    public void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }

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

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public List<String> getLocations() {
            return locations;
        }

        public void setLocations(List<String> locations) {
            this.locations = locations;
        }

        public String getModule() {
            return module;
        }

        public void setModule(String module) {
            this.module = module;
        }

        public Map<String, String> getPlaceholders() {
            return placeholders;
        }

        public void setPlaceholders(Map<String, String> placeholders) {
            this.placeholders = placeholders;
        }

        public String getTarget() {
            return target;
        }

        public void setTarget(String target) {
            this.target = target;
        }

        public boolean isOutOfOrder() {
            return outOfOrder;
        }

        public void setOutOfOrder(boolean outOfOrder) {
            this.outOfOrder = outOfOrder;
        }

        public String getSchema() {
            return schema;
        }

        public void setSchema(String schema) {
            this.schema = schema;
        }

        public String getHistoryTable() {
            return historyTable;
        }

        public void setHistoryTable(String historyTable) {
            this.historyTable = historyTable;
        }

        public Duration getLockTimeout() {
            return lockTimeout;
        }

        public void setLockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
        }
    }
}
