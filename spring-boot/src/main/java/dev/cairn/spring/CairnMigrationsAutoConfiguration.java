package dev.cairn.spring;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationSets;
import dev.cairn.migrations.Migrator;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Cairn's migration engine for the application's own database, in place of Flyway: when
 * {@code cairn.migrations.locations} is set, a {@link Migrator} bean over the application's {@link DataSource} and a
 * {@link CairnMigrationInitializer} that applies the migrations before any JdbcTemplate, JPA or jOOQ bean starts.
 * Used by Spring while the context starts; holds no state.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({Migrator.class, DatabaseInitializationDependencyConfigurer.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "cairn.migrations.enabled", matchIfMissing = true)
@Conditional(OnMigrationLocationsCondition.class)
@EnableConfigurationProperties(CairnProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class CairnMigrationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Migrator cairnMigrator(CairnProperties properties, DataSource dataSource, ResourceLoader resourceLoader) {
        CairnProperties.Migrations settings = properties.getMigrations();
        Dialect dialect = dialectOf(dataSource);
        MigrationSet set = MigrationSets.locations(resourceLoader.getClassLoader(), settings.getLocations(),
                settings.getModule(), dialect);
        Migrator.Builder builder = Migrator.builder().dataSource(dataSource).dialect(dialect).sets(set)
                .classLoader(resourceLoader.getClassLoader())
                .historyTable(settings.getHistoryTable())
                .lockTimeout(settings.getLockTimeout())
                .outOfOrder(settings.isOutOfOrder())
                .schema(blankToNull(settings.getSchema()));
        settings.getPlaceholders().forEach(builder::placeholder);
        String target = blankToNull(settings.getTarget());
        if (target != null && !target.equalsIgnoreCase("latest")) {
            builder.target(settings.getModule(), target);
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    CairnMigrationInitializer cairnMigrationInitializer(Migrator cairnMigrator,
                                                        ObjectProvider<CairnMigrationStrategy> strategy) {
        return new CairnMigrationInitializer(cairnMigrator, strategy.getIfAvailable());
    }

    private static Dialect dialectOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.fromProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException failure) {
            throw new MigrationConfigurationException("cairn.migrations: cannot reach the application's DataSource "
                    + "to tell its database: " + failure.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
