package dev.cairn.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot's database initialization that {@link CairnMigrationInitializer} beans initialize the database,
 * so that the beans which use it (JdbcTemplate, JPA, jOOQ, anything marked {@code @DependsOnDatabaseInitialization})
 * are made after them, as Boot orders Flyway. Registered in {@code META-INF/spring.factories}.
 */
final class CairnMigrationInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(CairnMigrationInitializer.class);
    }

    @Override
    public int getOrder() {
        // After Flyway's (1) and Liquibase's, should an application carry both while moving over.
        return 10;
    }
}
