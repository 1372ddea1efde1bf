package dev.cairn.spring;

import dev.cairn.core.Cairn;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes {@link Cairn} beans wait for the database initializers (Cairn's own migrations of the application, Flyway,
 * Liquibase, SQL scripts), as JdbcTemplate beans do: over the application's DataSource the store is one more user of
 * the database, and an initializer may make the schema it lives in. Registered in {@code META-INF/spring.factories}.
 */
final class CairnDependsOnDatabaseInitializationDetector extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(Cairn.class);
    }
}
