package dev.cairn.spring;

import dev.cairn.migrations.MigrateResult;
import dev.cairn.migrations.Migrator;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

/**
 * Applies the application's migrations when the context starts, before the beans that use its database: Spring
 * Boot's database initialization makes every JdbcTemplate, EntityManagerFactory and DSLContext bean depend on this
 * one. A {@link CairnMigrationStrategy} replaces the plain {@link Migrator#migrate()}. Thread-safe; runs once.
 */
public final class CairnMigrationInitializer implements InitializingBean, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(CairnMigrationInitializer.class);

    private final Migrator migrator;
    private final CairnMigrationStrategy strategy;

    /**
     * Creates the initializer.
     *
     * @param migrator the migrator of the application's migrations
     * @param strategy what to do instead of migrating, or null to migrate
     */
    public CairnMigrationInitializer(Migrator migrator, CairnMigrationStrategy strategy) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.strategy = strategy;
    }

    @Override
    public void afterPropertiesSet() {
        if (strategy != null) {
            strategy.migrate(migrator);
            return;
        }
        MigrateResult result = migrator.migrate();
        LOG.info("Applied {} migration(s) of the application to {} in {} ms", result.applied().size(),
                result.target(), result.duration().toMillis());
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
