package dev.cairn.spring;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.StoreConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Makes a {@link Cairn} bean when {@code cairn.url} is set, or over the application's {@link DataSource} when
 * {@code cairn.datasource=application}; the store's own migrations run as {@code cairn.migrate} says when the bean
 * opens. The bean is closed with the context; with the application's DataSource, the store closes none of its
 * connections, which stay the application's. Used by Spring while the context starts; holds no state.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(Cairn.class)
@EnableConfigurationProperties(CairnProperties.class)
public final class CairnAutoConfiguration {

    /** Orders the Cairn bean after the database initializers, where Spring Boot's SQL support is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DatabaseInitializationDependencyConfigurer.class)
    @Import(DatabaseInitializationDependencyConfigurer.class)
    static final class DatabaseInitializationOrder {
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(OnCairnStoreCondition.class)
    Cairn cairn(CairnProperties properties, ObjectProvider<DataSource> dataSources, ResourceLoader resourceLoader) {
        return Cairn.open(config(properties, dataSources, resourceLoader.getClassLoader()));
    }

    static CairnConfig config(CairnProperties properties, ObjectProvider<DataSource> dataSources,
                              ClassLoader classLoader) {
        CairnConfig.Builder builder;
        if (properties.getDatasource() == CairnProperties.DataSourceMode.APPLICATION) {
            DataSource dataSource = dataSources.getIfUnique();
            if (dataSource == null) {
                throw new StoreConfigurationException("cairn.datasource=application needs one DataSource bean, and "
                        + "the context has " + dataSources.stream().count() + ": add spring-boot-starter-jdbc and "
                        + "spring.datasource.url, mark one DataSource @Primary, or set cairn.url instead.");
            }
            String url = properties.getUrl() != null && !properties.getUrl().isBlank() ? properties.getUrl()
                    : schemeOf(dataSource) + ":";
            builder = CairnConfig.builder(url).dataSource(dataSource);
        } else {
            builder = CairnConfig.builder(properties.getUrl());
        }
        builder.properties(properties.getProperties());
        builder.property("migrate", properties.getMigrate().name().toLowerCase(Locale.ROOT));
        if (properties.getSchema() != null && !properties.getSchema().isBlank()) {
            builder.property("schema", properties.getSchema());
        }
        if (properties.getActor() != null && !properties.getActor().isBlank()) {
            builder.actor(properties.getActor());
        }
        if (classLoader != null) {
            builder.classLoader(classLoader);
        }
        return builder.build();
    }

    /** The store scheme of the database behind {@code dataSource}, read from one connection's metadata. */
    static String schemeOf(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException failure) {
            throw new StoreConfigurationException("cairn.datasource=application: cannot reach the application's "
                    + "DataSource to tell its database: " + failure.getMessage(), failure);
        }
        return switch (product == null ? "" : product.trim().toLowerCase(Locale.ROOT)) {
            case "postgresql" -> "postgresql";
            case "sqlite" -> "sqlite";
            case "h2" -> "h2";
            default -> throw new StoreConfigurationException("cairn.datasource=application: the application's "
                    + "database is " + product + ", and Cairn stores run on PostgreSQL, SQLite and H2. Set cairn.url "
                    + "to a store of its own, such as sqlite:plan.db.");
        };
    }
}
